// poisonlab-cli: the headless twin of the workbench, on the same engine.
#include <csignal>
#include <cstdio>
#include <cstring>
#include <iostream>

#include "commands.h"
#include "core/util/error.h"
#include "core/version.h"

namespace {

constexpr const char* kUsage = R"(PoisonLab command line - backdoor poisoning research on CIFAR-10

usage: poisonlab-cli <command> [options]

commands:
  info      [--data D]
            Load the data set and describe it (layout, counts per class, load time).
  poison    --out RUN [--data D] [--trigger pixel|patch|blend] [--pos R,C] [--color R,G,B]
            [--size K] [--pattern solid|checkerboard|noise] [--opacity A] [--pattern-seed X]
            [--source S] [--target T] [--count N | --rate P] [--seed X] [--force]
            Create a run folder: experiment.json and poison.csv. Positions are (row, column).
  preview   --run RUN --index I --out FILE.png [--split train|test|triggered] [--scale 8]
            [--mark-trigger] [--data D]
            Render a sample as the model sees it, enlarged, optionally with the trigger marked.
  download  [--dest DIR] [--url URL] [--md5 HEX] [--size BYTES]
            Fetch the official cifar-10-binary.tar.gz, verify its MD5; resumable.
  train     --run RUN [--model resnet8] [--width 32] [--epochs E] [--batch B] [--lr L]
            [--augment none|flip|crop+flip] [--augment-until F] [--schedule onecycle|cosine]
            [--warmup F]
            [--weight-decay D] [--decay-norms] [--label-smoothing S] [--precision auto|fp32|bf16]
            [--threads N]
            [--device cpu|cuda] [--limit-train N] [--seed X] [--resume] [--data D]
            Train on the run's poisoned data; writes RUN/model.pt and RUN/metrics.json, a
            checkpoint after every epoch (--resume continues from it). Weight decay applies to
            convolution and linear weights; --decay-norms also to batch norm and biases.
  evaluate  --run RUN [--model FILE] [--precision P] [--threads N] [--device D] [--data D]
            Clean accuracy, ASR, poisons fitted, per-class accuracy and confusion matrices.
  detect    --run RUN --method spectral|activation-clustering|influence [--model FILE]
            [--layer NAME] [--export-features FILE.npy] [--precision P] [--threads N] [--seed X]
            spectral: [--eps E | --percentile P] [--pooled] [--uncentred] [--classes 4,9]
            activation-clustering: [--reduce pca|ica] [--dims 10]
              [--criterion smaller|relative-size|silhouette|distance] [--size-threshold 0.35]
              [--silhouette-threshold 0.10] [--attempts 3]
              [--reclassify none|classifier|full] [--reclassify-threshold 0.5]
            influence: [--mode classifier|network] [--self] [--test-index I
              [--test-split test|triggered]] [--true-labels] [--damping 0.01]
              [--normalize gradient|relatif|none]
              [--flag-top K | --flag-z 10]; network: [--layers stage3,fc] [--solver cg|lissa]
              [--iterations 100] [--tolerance 1e-6] [--depth 200] [--repeats 1] [--scale 25]
              [--lissa-batch 64] [--hessian-samples 1000] [--candidates 5000|all]
              [--candidates-class C]
            Score every training sample for suspicion; writes RUN/detect/<name>.csv and .json
            with precision, recall, AUROC, recall@k against the ground truth, per class too.
  features  --run RUN --layer NAME --export-features FILE.npy [--model FILE] [--precision P]
            Activations of a layer for every training image: float32 N x D .npy and a CSV
            (index,label,original_label,poisoned) beside it.
  unlearn   --run RUN --method ssd|retrain|finetune
            --forget ground-truth[:FRACTION]|detector:NAME|FILE.csv [--name N] [--seed X]
            ssd: [--alpha 10] [--lambda 1] [--fisher-batch 64]
              or --select [--fit-target 0.05] [--acc-budget 0.02] [--validation 2000] [--folds 5]
              [--alphas 1,2,5,10,20,50] [--lambdas 0.1,0.5,1]: chosen with what a defender
              has: held-out folds of the forget set still fitted, and the accuracy on training
              images outside it, as labelled (never the test set or the ground truth)
              or --select-oracle [--asr-target 0.05] ...: analysis only, validates with the
              ground truth (true trigger on true source images) and says "oracle" everywhere
            finetune: [--epochs 2] [--lr 0.02]
            [--model FILE] [--precision P] [--threads N]
            A new model version RUN/unlearn/<name>/model.pt and RUN/unlearn/<name>.json with
            clean accuracy and ASR (stamped and mirrored) before and after; the original model
            is never written. SSD's importances see the images as training did (both
            orientations of the forget set when the recipe flips).
  unlearn-sweep --run RUN [--fractions 0.1,0.25,0.5,1] [--methods ssd,finetune,retrain]
            [method options as for unlearn] [--seed X] [--no-reuse]
            Every method on every fraction of the ground-truth poisons; RUN/unlearn/sweep.csv
            and sweep.png. Results already in RUN/unlearn are reused unless --no-reuse.
  grid      --spec GRID.json --out DIR [--data D] [--dry-run]
            [--slurm [--partition P] [--time 01:00:00] [--cpus 2] [--mem M] [--no-wait]]
            or --collect --out DIR
            A what-if grid: the base experiment of GRID.json with the settings under "vary"
            (trigger.pos, poison.count, seed, classes, recipe, ...) in every combination, one
            run folder each under DIR/runs/, poisoned and trained here one after another or as
            a Slurm job array (one task per run, `grid-task`); then DIR/grid-results.csv and
            .json, which the workbench's run comparison opens (Runs > Open grid table). Runs
            already trained are kept, so the same command resumes a grid. See docs/grid.md.
  grid-task --out DIR --index I [--data D]
            One run of a grid (what each Slurm array task runs).
  help      Show this text.

Every command accepts --json and then prints one JSON object as its last line.
Data is found from --data, then $POISONLAB_DATA, then the user data folder (see download).
)";

void onInterrupt(int) { poisonlab::cli::interruptToken().cancel(); }

bool wantsJson(int argc, char** argv) {
  for (int i = 2; i < argc; ++i)
    if (std::strcmp(argv[i], "--json") == 0) return true;
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace poisonlab;
  std::signal(SIGINT, onInterrupt);
  std::signal(SIGTERM, onInterrupt);
  const std::string command = argc > 1 ? argv[1] : "help";
  try {
    if (command == "info") return cli::cmdInfo(argc, argv);
    if (command == "poison") return cli::cmdPoison(argc, argv);
    if (command == "preview") return cli::cmdPreview(argc, argv);
    if (command == "download") return cli::cmdDownload(argc, argv);
    if (command == "train") return cli::cmdTrain(argc, argv);
    if (command == "evaluate") return cli::cmdEvaluate(argc, argv);
    if (command == "detect") return cli::cmdDetect(argc, argv);
    if (command == "features") return cli::cmdFeatures(argc, argv);
    if (command == "unlearn") return cli::cmdUnlearn(argc, argv);
    if (command == "unlearn-sweep") return cli::cmdUnlearnSweep(argc, argv);
    if (command == "grid") return cli::cmdGrid(argc, argv);
    if (command == "grid-task") return cli::cmdGridTask(argc, argv);
    if (command == "help" || command == "--help" || command == "-h") {
      std::cout << kUsage;
      return 0;
    }
    if (command == "--version") {
      std::cout << "poisonlab-cli " << kPoisonLabVersion << "\n";
      return 0;
    }
    std::cerr << "poisonlab-cli: unknown command '" << command << "'\n\n" << kUsage;
    return 2;
  } catch (const Cancelled&) {
    if (wantsJson(argc, argv))
      std::cout << nlohmann::json{{"error", "cancelled"}}.dump() << std::endl;
    std::cerr << "\npoisonlab-cli: cancelled; every file written is complete (train: --resume "
                 "continues from the last epoch)\n";
    return 130;
  } catch (const std::exception& e) {
    // Replace what is not UTF-8 (a file name from another system): the error must get out.
    if (wantsJson(argc, argv))
      std::cout << nlohmann::json{{"error", e.what()}}.dump(
                       -1, ' ', false, nlohmann::json::error_handler_t::replace)
                << std::endl;
    std::cerr << "poisonlab-cli: error: " << e.what() << "\n";
    return 1;
  }
}
