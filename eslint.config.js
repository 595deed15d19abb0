import globals from 'globals'
import neostandard from 'neostandard'

// neostandard's rules without its formatting ones: prettier formats (npm run format), eslint finds mistakes.
export default [
  ...neostandard({
    ts: true,
    noStyle: true,
    ignores: ['node_modules/**', '.tap/**', 'src/views/icon-paths.ts', 'public/map/**']
  }),
  { files: ['public/js/**/*.js'], languageOptions: { globals: globals.browser } },
  {
    rules: {
      // Messages and markup stay whole in one string, so they can be found with grep.
      'max-len': [
        'error',
        { code: 120, ignoreUrls: true, ignoreRegExpLiterals: true, ignoreStrings: true, ignoreTemplateLiterals: true }
      ],
      // Table columns are snake_case (the database's names), and rows are destructured by them.
      camelcase: 'off',
      // `void promise` marks a promise deliberately not awaited.
      'no-void': ['error', { allowAsStatement: true }]
    }
  }
]
