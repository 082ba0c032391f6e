import { createApp } from 'vue'
import '@rivulet/example-shared/style.css'
import App from './App.vue'

createApp(App).mount('#app')
