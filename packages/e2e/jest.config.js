module.exports = { ...require('../../jest.preset.js'), roots: ['<rootDir>/test'], testTimeout: 180000 };
