// Process control of a node of the running network: args "<action>,<node>", where action is
//   kill   kill -9 (the node's database stays)
//   start  start it again with the command zombienet started it with (same base path, same
//          keys), appending to its log
//   stop   SIGSTOP: the process freezes, as a machine that stopped answering
//   cont   SIGCONT
// zombienet's own `restart`/`pause` need the process table of the zombienet process that
// spawned the network; the tests run in other processes (`zombienet test <file> zombie.json`),
// so they act on the PIDs and commands recorded in the network's zombie.json, and record the
// PID of a node they start again in commerce-pids.json next to it.
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');

function processes(networkInfo) {
  const zombie = JSON.parse(fs.readFileSync(path.join(networkInfo.tmpDir, 'zombie.json'), 'utf8'));
  return zombie.client.processMap;
}

function pidsFile(networkInfo) {
  return path.join(networkInfo.tmpDir, 'commerce-pids.json');
}

function currentPid(networkInfo, node) {
  const file = pidsFile(networkInfo);
  const restarted = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  if (restarted[node]) return restarted[node];
  const entry = processes(networkInfo)[node];
  if (!entry) throw new Error(`no process recorded for ${node}`);
  return entry.pid;
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (_) {
    return false;
  }
}

async function run(_nodeName, networkInfo, args) {
  const [action, node] = args;
  const signal = { kill: 'SIGKILL', stop: 'SIGSTOP', cont: 'SIGCONT' }[action];
  if (signal) {
    const pid = currentPid(networkInfo, node);
    if (!alive(pid)) throw new Error(`${node} (pid ${pid}) is not running`);
    process.kill(pid, signal);
    if (action === 'kill') {
      for (let i = 0; i < 50 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
      if (alive(pid)) throw new Error(`${node} (pid ${pid}) survived kill -9`);
    }
    console.log(`\t${action} ${node} (pid ${pid})`);
    return 1;
  }
  if (action === 'start') {
    const entry = processes(networkInfo)[node];
    const previous = currentPid(networkInfo, node);
    if (alive(previous)) throw new Error(`${node} (pid ${previous}) is still running`);
    const log = fs.openSync(entry.logs, 'a');
    const child = spawn('bash', ['-c', ...entry.cmd], { detached: true, stdio: ['ignore', log, log] });
    child.unref();
    const file = pidsFile(networkInfo);
    const restarted = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
    restarted[node] = child.pid;
    fs.writeFileSync(file, JSON.stringify(restarted));
    fs.writeFileSync(path.join(networkInfo.tmpDir, `commerce-started-${node}.json`), JSON.stringify({ at: Date.now() }));
    console.log(`\tstarted ${node} again (pid ${child.pid})`);
    return 1;
  }
  throw new Error(`unknown action ${action}`);
}

module.exports = { run };
