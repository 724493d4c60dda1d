// A command runner that reads its settings in a loop: `get('call')` is a settings lookup whose key
// happens to be an SQL keyword, not a statement; the SQLite lookup below it is one.
class Runner {
  constructor(config, db) {
    this.config = config;
    this.db = db;
  }

  async runAll(jobs) {
    for (const job of jobs) {
      // expect-none: db-loops
      const call = this.config.get('call');
      // expect-none: db-loops
      const shell = this.config.get('exec');
      await job.start(call, shell);
    }
  }

  async ownersOf(jobs) {
    const owners = [];
    for (const job of jobs) {
      // expect: db-loops/query-in-loop
      owners.push(await this.db.get('SELECT name FROM owners WHERE id = ?', job.ownerId));
    }
    return owners;
  }
}

module.exports = { Runner };
