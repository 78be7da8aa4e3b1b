import { describe, expect, it } from 'vitest';
import { parseCliArgs, UsageError, type CliSettings } from './cliArgs.ts';

const settingsOf = (args: string[], env: NodeJS.ProcessEnv = {}): CliSettings => {
  const command = parseCliArgs(args, env);
  if (command.kind !== 'serve') throw new Error(`expected settings, got ${command.kind}`);
  return command.settings;
};

const mistakeIn = (args: string[], env: NodeJS.ProcessEnv = {}): string => {
  try {
    parseCliArgs(args, env);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error(`expected a UsageError for ${args.join(' ')}`);
};

describe('the lifecycle-lab command line', () => {
  it('serves on 127.0.0.1:4321 with a new token when given nothing', () => {
    expect(settingsOf([])).toEqual({
      port: 4321,
      host: '127.0.0.1',
      token: undefined,
      allowedOrigins: [],
      dashboard: undefined,
      queues: null,
    });
  });

  it('takes every option it documents', () => {
    const args = ['--port', '0', '--host', '0.0.0.0', '--token', 't', '--dashboard', 'd'];
    const origins = ['--allow-origin', 'http://localhost:3000', '--allow-origin=https://a.b'];
    const redis = ['--redis', 'redis://r:6379', '--queue', 'a,b'];
    expect(settingsOf([...args, ...origins, ...redis])).toEqual({
      port: 0,
      host: '0.0.0.0',
      token: 't',
      allowedOrigins: ['http://localhost:3000', 'https://a.b'],
      dashboard: 'd',
      queues: { redisUrl: 'redis://r:6379', queues: ['a', 'b'] },
    });
  });

  it('answers --help and -h with the help, even beside a mistake', () => {
    expect(parseCliArgs(['--help'])).toEqual({ kind: 'help' });
    expect(parseCliArgs(['-h'])).toEqual({ kind: 'help' });
    expect(parseCliArgs(['--prot', '1', '--help'])).toEqual({ kind: 'help' });
  });

  it('names an unknown option, a stray argument and a missing value', () => {
    expect(mistakeIn(['--prot', '1'])).toBe("unknown option '--prot'");
    expect(mistakeIn(['serve'])).toBe(
      "unexpected argument 'serve': lifecycle-lab takes only options",
    );
    expect(mistakeIn(['--port'])).toBe('--port needs a value');
    expect(mistakeIn(['--token', '-x'])).toMatch(/^--token needs a value/);
  });

  it('refuses a port that is not a number from 0 to 65535, saying what it got', () => {
    for (const port of ['abc', '', '-1', '65536', '0x50', '1e3', ' 80']) {
      expect(mistakeIn([`--port=${port}`])).toBe(
        `--port must be a number from 0 to 65535, got '${port}'`,
      );
    }
  });

  it('refuses an allowed origin the receiver could never match, suggesting the origin', () => {
    expect(mistakeIn(['--allow-origin', 'http://localhost:3000/'])).toBe(
      "--allow-origin takes an origin like http://localhost:3000, got 'http://localhost:3000/' (did you mean http://localhost:3000?)",
    );
    expect(mistakeIn(['--allow-origin', 'localhost:3000'])).toMatch(/got 'localhost:3000'$/);
  });

  it('checks the queue settings and the Redis URL before anything starts', () => {
    expect(mistakeIn(['--queue', 'a'])).toMatch(/^--queue needs --redis/);
    expect(mistakeIn(['--redis', 'http://r', '--queue', 'a'])).toMatch(/redis:\/\/ or rediss:\/\//);
    expect(
      settingsOf([], { LIFECYCLE_LAB_REDIS_URL: 'redis://r', LIFECYCLE_LAB_QUEUES: 'q' }),
    ).toMatchObject({ queues: { redisUrl: 'redis://r', queues: ['q'] } });
  });

  it('refuses empty values rather than starting with them', () => {
    expect(mistakeIn(['--token', ''])).toBe('--token needs a value, got an empty one');
    expect(mistakeIn(['--host', ' '])).toBe('--host needs a value, got an empty one');
  });
});
