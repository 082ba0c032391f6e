import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import '@rivulet/example-shared/style.css'
import { App } from './App'

const root = document.getElementById('root')
if (root === null) throw new Error('index.html has no #root element')

// StrictMode on purpose: the stream must survive its double mount with a single connection.
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
