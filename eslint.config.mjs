import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'src/generated/**', '.federation/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The domain core is pure: no framework, database, transport or crypto library.
    files: ['src/modules/*/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/infrastructure/**', '**/transport/**', '**/application/**'],
              message: 'The domain depends on nothing outside it.',
            },
            {
              group: [
                '@nestjs/*',
                'typeorm',
                '@grpc/*',
                'jose',
                'pg',
                '@electric-sql/*',
                'express',
              ],
              message: 'The domain is free of frameworks and I/O.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/modules/*/application/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/infrastructure/**', '**/transport/**'],
              message: 'Use cases reach adapters only through ports.',
            },
          ],
        },
      ],
    },
  },
);
