// @ts-check
import eslint from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'fixtures/'] },
  eslint.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: {
        // bench/ and scripts/ come through tsconfig.json (allowJs); the root config files and
        // bin/ are not in any project, so they get the default one.
        projectService: { allowDefaultProject: ['*.js', '*.ts', 'bin/*.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
);
