import { describePublishedPackage } from '../../../test-support/published-suite'

describePublishedPackage('react')
