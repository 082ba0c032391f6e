import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import './styles.css'

const root = document.getElementById('root')
if (root === null) throw new Error('index.html has no #root element')

// StrictMode on purpose: the stream must survive its double mount with a single connection.
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
