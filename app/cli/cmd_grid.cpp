// grid and grid-task: what-if grids, run here one after another or as a Slurm job array.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <optional>
#include <sstream>
#include <thread>

#include "commands.h"
#include "core/run/grid.h"
#include "core/run/slurm_script.h"
#include "core/util/error.h"
#include "core/util/format.h"
#include "terminal_progress.h"

namespace fs = std::filesystem;

namespace poisonlab::cli {
namespace {

/// Runs `argv[0]` (looked up in PATH) with exactly these arguments, no shell between: a path
/// with quotes, `$()` or spaces is one argument. Returns its exit status and its standard
/// output and error together (standard input is /dev/null).
std::pair<int, std::string> runProgram(const std::vector<std::string>& argv) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0)
    throw Error("cannot run " + argv[0] + ": " + std::strerror(errno));
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
  posix_spawn_file_actions_adddup2(&actions, fds[1], 2);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  const int rc = ::posix_spawnp(&pid, argv[0].c_str(), &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(fds[1]);
  if (rc != 0) {
    ::close(fds[0]);
    throw Error("cannot run " + argv[0] + ": " + std::strerror(rc));
  }
  std::string out;
  char buf[4096];
  for (;;) {
    const ssize_t n = ::read(fds[0], buf, sizeof buf);
    if (n > 0)
      out.append(buf, std::size_t(n));
    else if (n == 0 || errno != EINTR)
      break;
  }
  ::close(fds[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

std::string selfPath() {
  std::error_code ec;
  const fs::path p = fs::read_symlink("/proc/self/exe", ec);
  if (ec) throw Error("cannot find this program's path (/proc/self/exe): " + ec.message());
  return p.string();
}

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

nlohmann::json tableJson(const std::vector<GridResult>& rows, const std::string& out) {
  nlohmann::json runs = nlohmann::json::array();
  for (const auto& r : rows)
    runs.push_back({{"name", r.point.name},
                    {"status", r.status},
                    {"clean_acc", r.cleanAcc},
                    {"asr", r.asr},
                    {"minutes", r.minutes}});
  return {{"grid", out},
          {"results_csv", gridResultsCsvPath(out)},
          {"results_json", gridResultsJsonPath(out)},
          {"runs", runs}};
}

std::string tableText(const std::vector<GridResult>& rows, const std::string& out) {
  std::ostringstream h;
  std::size_t done = 0;
  for (const auto& r : rows) {
    char line[256];
    if (r.status == "done") {
      ++done;
      std::snprintf(line, sizeof line, "  %-48s clean %7s  ASR %7s  %6.1f min\n",
                    r.point.name.c_str(), formatPercent(r.cleanAcc).c_str(),
                    formatPercent(r.asr).c_str(), r.minutes);
    } else {
      std::snprintf(line, sizeof line, "  %-48s %s\n", r.point.name.c_str(), r.status.c_str());
    }
    h << line;
  }
  h << done << " of " << rows.size() << " runs done; table: " << gridResultsCsvPath(out) << " and "
    << gridResultsJsonPath(out) << "\n";
  return h.str();
}

/// The data set: `data` (--data, else the spec's), else $POISONLAB_DATA or the default.
std::shared_ptr<const Dataset> loadGridData(const std::string& data) {
  std::vector<std::string> args{"poisonlab-cli", "grid"};
  if (!data.empty()) {
    args.push_back("--data");
    args.push_back(data);
  }
  std::vector<char*> ptrs;
  for (auto& s : args) ptrs.push_back(s.data());
  Args dataArgs("grid", {"data"}, {});
  dataArgs.parse(static_cast<int>(ptrs.size()), ptrs.data(), 2);
  nlohmann::json info;
  return loadResolvedData(dataArgs, info);
}

/// Trains the points one after another in this process (the data set loaded once).
void runLocally(const Args& a, const std::string& out, const GridPlan& plan) {
  std::shared_ptr<const Dataset> data = loadGridData(a.value("data", plan.data));
  std::size_t failed = 0;
  for (std::size_t i = 0; i < plan.points.size(); ++i) {
    const GridPoint& p = plan.points[i];
    std::fprintf(stderr, "[%zu/%zu] %s\n", i + 1, plan.points.size(), p.name.c_str());
    TerminalProgress bar("train");
    TrainCallbacks cb;
    cb.onBatch = [&](const BatchStats& s) {
      char text[96];
      std::snprintf(text, sizeof text, "epoch %d/%d loss %.3f %.0f img/s", s.epoch, p.train.epochs,
                    s.loss, s.imagesPerSecond);
      bar((s.epoch - 1 + double(s.batch) / s.batches) / p.train.epochs, text);
    };
    try {
      if (!runGridPoint(out, p, data, cb, &interruptToken()))
        std::fprintf(stderr, "  already trained; kept\n");
      bar.finish();
    } catch (const Cancelled&) {
      bar.finish();
      throw;
    } catch (const std::exception& e) {
      bar.finish();
      ++failed;
      std::fprintf(stderr, "  failed: %s\n", e.what());
    }
  }
  if (failed) std::fprintf(stderr, "%zu run(s) failed; see grid-error.txt in each\n", failed);
}

/// The Slurm options as typed, validated (the first error names the option) before any file
/// is written.
SlurmOptions slurmOptions(const Args& a, const std::string& out, const GridPlan& plan) {
  SlurmOptions o;
  o.partition = a.value("partition");
  o.time = a.value("time", o.time);
  o.cpus = static_cast<int>(a.integer("cpus", o.cpus, 1, 1024));
  o.mem = a.value("mem");
  o.program = selfPath();
  const std::string data = a.value("data", plan.data);
  if (!data.empty()) o.data = fs::absolute(data).lexically_normal().string();
  validateSlurmOptions(o, out);
  return o;
}

/// Submits the job array and, unless --no-wait, waits for it (Ctrl-C stops waiting, not the
/// jobs).
void runOnSlurm(const Args& a, const std::string& out, const GridPlan& plan,
                const SlurmOptions& o) {
  const std::string script = writeSlurmScript(out, plan, o);
  const std::string sbatch = a.value("sbatch", "sbatch");
  const std::string chdir = fs::absolute(out).lexically_normal().string();
  const auto [status, text] = runProgram({sbatch, "--parsable", "--chdir=" + chdir, script});
  if (status != 0)
    throw Error("sbatch failed (exit " + std::to_string(status) + "): " + trim(text) +
                "; the job script is " + script);
  std::string job = trim(text);
  if (const auto nl = job.rfind('\n'); nl != std::string::npos) job = job.substr(nl + 1);
  job = job.substr(0, job.find(';'));  // "id;cluster"
  if (job.empty() || job.find_first_not_of("0123456789") != std::string::npos)
    throw Error("sbatch answered '" + trim(text) + "', not a job id; the job script is " + script);
  std::fprintf(stderr, "submitted job array %s: %zu tasks (%s)\n", job.c_str(), plan.points.size(),
               script.c_str());
  if (a.flag("no-wait")) {
    std::fprintf(stderr,
                 "collect the table when it is done: poisonlab-cli grid --collect --out %s\n",
                 out.c_str());
    return;
  }
  const std::string squeue = a.value("squeue", "squeue");
  TerminalProgress bar("slurm");
  for (;;) {
    const auto [qs, q] = runProgram({squeue, "-h", "-r", "-j", job, "-o", "%t"});
    if (qs != 0 && q.find("Invalid job id") == std::string::npos)
      throw Error("squeue failed (exit " + std::to_string(qs) + "): " + trim(q));
    std::size_t running = 0, queued = 0;
    std::istringstream lines(q);
    std::string state;
    while (lines >> state) (state == "R" || state == "CG" ? running : queued) += 1;
    if (running + queued == 0) break;
    std::size_t done = 0;
    for (const auto& p : plan.points)
      done += fs::exists(fs::path(gridRunDir(out, p)) / "metrics.json");
    bar(double(done) / double(plan.points.size()), std::to_string(done) + " done, " +
                                                       std::to_string(running) + " running, " +
                                                       std::to_string(queued) + " queued");
    for (int k = 0; k < 20; ++k) {
      if (interruptToken().cancelled()) {
        bar.finish();
        std::fprintf(stderr,
                     "stopped waiting; job %s goes on. Collect later: poisonlab-cli grid "
                     "--collect --out %s\n",
                     job.c_str(), out.c_str());
        throw Cancelled();
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
  bar.finish();
}

}  // namespace

int cmdGrid(int argc, char** argv) {
  Args a(commandDoc("grid"));
  a.parse(argc, argv, 2);
  const std::string out = a.required("out");
  if (!a.flag("collect")) {
    const std::string spec = a.required("spec");
    const GridPlan plan = readGridSpec(spec);
    if (a.flag("dry-run")) {
      std::ostringstream h;
      nlohmann::json names = nlohmann::json::array();
      for (const auto& p : plan.points) {
        h << "  " << p.name << ": " << p.trigger.describe() << ", " << p.poison.count
          << " of class " << p.poison.source << " -> " << p.poison.target << ", seed "
          << p.poison.seed << "/" << p.train.seed << ", " << p.train.model.describe() << ", "
          << p.train.epochs << " epochs\n";
        names.push_back(p.name);
      }
      h << plan.points.size() << " runs\n";
      emit(a, {{"runs", names}}, h.str());
      return 0;
    }
    std::optional<SlurmOptions> slurm;
    if (a.flag("slurm")) slurm = slurmOptions(a, out, plan);
    writeGridPlan(out, spec);
    if (slurm)
      runOnSlurm(a, out, plan, *slurm);
    else
      runLocally(a, out, plan);
    if (a.flag("slurm") && a.flag("no-wait")) {
      emit(a, {{"grid", out}, {"submitted", true}}, "");
      return 0;
    }
  }
  const auto rows = collectGrid(out);
  emit(a, tableJson(rows, out), tableText(rows, out));
  for (const auto& r : rows)
    if (r.status != "done") return 1;
  return 0;
}

int cmdGridTask(int argc, char** argv) {
  Args a(commandDoc("grid-task"));
  a.parse(argc, argv, 2);
  const std::string out = a.required("out");
  const GridPlan plan = readGridPlan(out);
  const long long i = a.integer("index", -1, 0, static_cast<long long>(plan.points.size()) - 1);
  if (i < 0) throw Error("'grid-task' needs --index");
  const GridPoint& p = plan.points[static_cast<std::size_t>(i)];
  auto ds = loadGridData(a.value("data", plan.data));
  std::fprintf(stderr, "grid point %lld: %s\n", i, p.name.c_str());
  TrainCallbacks cb;
  cb.onEpoch = [&](const EpochStats& e) {
    std::fprintf(stderr, "epoch %3d  clean %.4f  ASR %.4f  %.0f img/s  %.1f s\n", e.epoch,
                 e.cleanAcc, e.asr, e.imagesPerSecond, e.seconds);
  };
  const bool trained = runGridPoint(out, p, ds, cb, &interruptToken());
  emit(a, {{"run", gridRunDir(out, p)}, {"trained", trained}},
       (trained ? "trained " : "already trained: ") + gridRunDir(out, p) + "\n");
  return 0;
}

}  // namespace poisonlab::cli
