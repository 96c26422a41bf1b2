import { IsInt, Min } from 'class-validator';
import { CommonEnv, ConfigError, loadConfig } from './index';

class ExampleEnv extends CommonEnv {
  @IsInt()
  @Min(1)
  PORT: number = 3000;
}

describe('loadConfig', () => {
  it('applies defaults and converts numbers', () => {
    const cfg = loadConfig(ExampleEnv, { PORT: '8080' });
    expect(cfg.PORT).toBe(8080);
    expect(cfg.NATS_URL).toBe('nats://127.0.0.1:4222');
  });

  it('names every bad variable with what it got', () => {
    let caught: unknown;
    try {
      loadConfig(ExampleEnv, { PORT: '0', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const message = (caught as ConfigError).message;
    expect(message).toMatch(/PORT: .*got "0"/);
    expect(message).toMatch(/DATABASE_URL: must be a postgres:\/\/ URL \(got "mysql:\/\/x"\)/);
    expect(message).toMatch(/LOG_LEVEL/);
  });
});
