// Packs the packages once and installs every fixture once, for all the files that use them.
import { FIXTURES, installFixture, packPackages } from '../support/fixtures'

export default async function setup(): Promise<void> {
  const packSeconds = await packPackages()
  console.log(`integrations: packed core, react, vue in ${packSeconds.toFixed(1)} s`)
  for (const fixture of FIXTURES) {
    const seconds = await installFixture(fixture)
    console.log(`integrations: installed fixtures/${fixture} in ${seconds.toFixed(1)} s`)
  }
}
