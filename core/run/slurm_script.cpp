#include "core/run/slurm_script.h"

#include <filesystem>
#include <regex>
#include <sstream>

#include "core/util/atomic_file.h"
#include "core/util/error.h"

namespace fs = std::filesystem;

namespace poisonlab {

void validateSlurmOptions(const SlurmOptions& o, const std::string& outDir) {
  static const std::regex time(
      R"(^(\d{1,7}(:\d{1,2}){0,2}|\d{1,5}-\d{1,2}(:\d{1,2}){0,2}|UNLIMITED|INFINITE)$)");
  static const std::regex mem(R"(^\d{1,12}[KMGT]?$)");
  static const std::regex partition(R"(^[A-Za-z0-9_.-]{1,64}(,[A-Za-z0-9_.-]{1,64}){0,31}$)");
  if (!std::regex_match(o.time, time))
    throw Error("--time: '" + o.time +
                "' is not a Slurm time limit (MM, MM:SS, HH:MM:SS, D-HH, D-HH:MM, D-HH:MM:SS)");
  if (!o.mem.empty() && !std::regex_match(o.mem, mem))
    throw Error("--mem: '" + o.mem + "' is not a memory size (a whole number, unit K, M, G or T)");
  if (!o.partition.empty() && !std::regex_match(o.partition, partition))
    throw Error("--partition: '" + o.partition +
                "' is not a partition name (letters, digits, '_', '-', '.'; a list by commas)");
  if (o.cpus < 1 || o.cpus > 1024)
    throw Error("--cpus: " + std::to_string(o.cpus) + " is not in 1-1024");
  const auto plain = [](const std::string& field, const std::string& value) {
    for (const char c : value)
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
        throw Error(field +
                    ": holds a control character (a newline or the like): not written "
                    "into a job script");
  };
  plain("--out", outDir);
  plain("--data", o.data);
  plain("poisonlab-cli's path", o.program);
}

std::string writeSlurmScript(const std::string& outDir, const GridPlan& plan,
                             const SlurmOptions& o) {
  validateSlurmOptions(o, outDir);
  auto quote = [](const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
  };
  const std::string out = fs::absolute(outDir).lexically_normal().string();
  std::error_code ec;
  fs::create_directories(fs::path(out) / "logs", ec);
  std::ostringstream s;
  s << "#!/bin/bash\n"
    << "#SBATCH --job-name=poisonlab-grid\n"
    << "#SBATCH --array=0-" << plan.points.size() - 1 << "\n"
    << "#SBATCH --cpus-per-task=" << o.cpus << "\n"
    << "#SBATCH --ntasks=1\n"
    << "#SBATCH --time=" << o.time << "\n"
    << "#SBATCH --output=logs/task-%a.out\n";
  if (!o.partition.empty()) s << "#SBATCH --partition=" << o.partition << "\n";
  if (!o.mem.empty()) s << "#SBATCH --mem=" << o.mem << "\n";
  s << "# One task per grid point: poison + train OUT/runs/<point> (see grid.json).\n"
    << "# Submit from the grid's folder (logs/ is relative to it): sbatch --chdir=OUT grid.sbatch\n"
    << "export POISONLAB_THREADS=${SLURM_CPUS_PER_TASK:-" << o.cpus << "}\n"
    << "exec " << quote(o.program) << " grid-task --out " << quote(out)
    << " --index \"$SLURM_ARRAY_TASK_ID\"" << (o.data.empty() ? "" : " --data " + quote(o.data))
    << "\n";
  const std::string path = (fs::path(out) / "grid.sbatch").string();
  writeFileAtomic(path, s.str());
  fs::permissions(path, fs::perms::owner_exec, fs::perm_options::add, ec);
  return path;
}

}  // namespace poisonlab
