import js from '@eslint/js'
import prettier from 'eslint-config-prettier/flat'
import reactHooks from 'eslint-plugin-react-hooks'
import pluginVue from 'eslint-plugin-vue'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const reactFiles = ['packages/react/**/*.{ts,tsx}', 'examples/react/**/*.{ts,tsx}']

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/coverage/**',
      '**/node_modules/**',
      // The framework fixtures' generated files and the packed packages they install.
      '**/.next/**',
      '**/.nuxt/**',
      '**/.output/**',
      '**/next-env.d.ts',
      'integrations/.packed/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  // Tests declare the components they mount beside the test.
  { files: ['**/*.test.ts', '**/*.test.tsx'], rules: { 'vue/one-component-per-file': 'off' } },
  { ...reactHooks.configs.flat.recommended, files: reactFiles },
  // The hooks' dependency lists are what keeps one connection per stream: a miss is a bug.
  { files: reactFiles, rules: { 'react-hooks/exhaustive-deps': 'error' } },
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // CommonJS on purpose: these fixtures are what `require` users write.
    files: ['integrations/fixtures/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Nuxt auto-imports its composables, and its file-based routes are named by the file.
    files: ['integrations/fixtures/nuxt/**/*.vue'],
    languageOptions: { globals: { useHead: 'readonly', useRuntimeConfig: 'readonly' } },
    rules: { 'vue/multi-word-component-names': 'off' },
  },
  // Last: Prettier owns layout, so the layout rules of the configs above are off.
  prettier,
)
