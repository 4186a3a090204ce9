#pragma once
/// @file slurm_script.h
/// A grid as a Slurm job array: the options `grid --slurm` takes, checked before anything is
/// written, and the job script (one task per grid point). Submitting it (sbatch, squeue) is the
/// CLI's, with an argument vector.

#include <string>

#include "core/run/grid.h"

namespace poisonlab {

/// Slurm submission settings.
struct SlurmOptions {
  std::string partition;  ///< empty = the cluster's default
  std::string time = "01:00:00";
  int cpus = 2;
  std::string mem;      ///< e.g. "4G"; empty = the cluster's default
  std::string program;  ///< absolute path of poisonlab-cli
  std::string data;     ///< --data for the tasks
};

/// Checks every value that reaches the job script before anything is written; throws Error
/// naming the option: `time` as Slurm reads it (MM, MM:SS, HH:MM:SS, D-HH, D-HH:MM,
/// D-HH:MM:SS, or UNLIMITED), `mem` a whole number with an optional unit K, M, G or T,
/// `partition` one or more names of letters, digits, '_', '-' and '.' separated by commas,
/// `cpus` 1-1024, and no control character (a newline would start a shell line) in the
/// program, data and output paths.
void validateSlurmOptions(const SlurmOptions& options, const std::string& outDir);

/// Writes OUT/grid.sbatch, a job array with one task per point running
/// `poisonlab-cli grid-task --out OUT --index $SLURM_ARRAY_TASK_ID` (validated first, see
/// validateSlurmOptions). The #SBATCH lines hold no path: the task logs are `logs/task-N.out`
/// relative to the job's working folder, so the script is submitted with `--chdir=OUT`
/// (submitSlurmArgs); paths on the command line are shell-quoted.
std::string writeSlurmScript(const std::string& outDir, const GridPlan& plan,
                             const SlurmOptions& options);

}  // namespace poisonlab
