/** The demo API's pretend shell: what a command line would run, and that only `sleep` costs time. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { interpretShell, MAX_SLEEP_MS } from '../../../examples/demo-api/shell.js';

test('demo shell: command lines split as sh would split them', () => {
  const cases: [string, string, string[][], number][] = [
    ['plain host', 'ping -c 1 127.0.0.1', [['ping', '-c', '1', '127.0.0.1']], 0],
    ['$( ) substitution runs first', 'ping -c 1 x$(sleep 1.5)', [['sleep', '1.5'], ['ping', '-c', '1', 'x']], 1500],
    ['backticks', 'ping `sleep 2`', [['sleep', '2'], ['ping']], 2000],
    ['; separator', 'ping x; sleep 1', [['ping', 'x'], ['sleep', '1']], 1000],
    ['&& || | & and newlines', 'ping x && sleep 1 || sleep 1 | cat & sleep 1\nsleep 1', [['ping', 'x'], ['sleep', '1'], ['sleep', '1'], ['cat'], ['sleep', '1'], ['sleep', '1']], 4000],
    ['quoted argument', "ping x; sleep '1'", [['ping', 'x'], ['sleep', '1']], 1000],
    ['capped', 'ping x; sleep 60', [['ping', 'x'], ['sleep', '60']], MAX_SLEEP_MS],
    ['not a number: no delay', 'ping x; sleep forever', [['ping', 'x'], ['sleep', 'forever']], 0],
    ['arithmetic is not a substitution', 'ping x;echo rampart$((6*7))', [['ping', 'x'], ['echo', 'rampart$((6*7))']], 0],
    ['sleep as a plain argument does nothing', 'ping sleep 3', [['ping', 'sleep', '3']], 0],
  ];
  for (const [name, line, commands, sleepMs] of cases) assert.deepEqual(interpretShell(line), { commands, sleepMs }, name);
});
