module.exports = {
  ...require('../../jest.preset.js'),
  roots: ['<rootDir>/src', '<rootDir>/test'].filter((p) =>
    require('fs').existsSync(p.replace('<rootDir>', __dirname)),
  ),
};
