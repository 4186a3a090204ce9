#include "usage.h"

#include <sstream>

#include "core/util/error.h"

namespace poisonlab::cli {
namespace {

constexpr const char* kTitle = "PoisonLab command line - backdoor poisoning research on CIFAR-10";
constexpr const char* kFooter =
    "Every command accepts --json and then prints one JSON object as its last line.\n"
    "Data is found from --data, then $POISONLAB_DATA, then the user data folder (see "
    "download).\n";

/// Inference options shared by the commands that run a model.
const std::set<std::string> kSsdValued{
    "alpha",      "lambda",     "fisher-batch", "epochs",  "lr",         "model",
    "seed",       "precision",  "threads",      "device",  "data",       "asr-target",
    "acc-budget", "validation", "alphas",       "lambdas", "fit-target", "folds"};

std::set<std::string> with(std::set<std::string> a, const std::set<std::string>& b) {
  a.insert(b.begin(), b.end());
  return a;
}

const char* kUnlearnMethodOptions =
    "ssd: [--alpha 10] [--lambda 1] [--fisher-batch 64]\n"
    "  or --select [--fit-target 0.05] [--acc-budget 0.02] [--validation 2000] [--folds 5]\n"
    "  [--alphas 1,2,5,10,20,50] [--lambdas 0.1,0.5,1]: chosen with what a defender\n"
    "  has: held-out folds of the forget set still fitted, and the accuracy on training\n"
    "  images outside it, as labelled (never the test set or the ground truth)\n"
    "  or --select-oracle [--asr-target 0.05] ...: analysis only, validates with the\n"
    "  ground truth (true trigger on true source images) and says \"oracle\" everywhere\n"
    "finetune: [--epochs 2] [--lr 0.02]\n"
    "[--model FILE] [--precision P] [--threads N] [--device cpu|cuda] [--data D]";

std::vector<CommandDoc> makeDocs() {
  std::vector<CommandDoc> d;
  d.push_back({"info",
               {"data"},
               {},
               "[--data D]",
               "Load the data set and describe it (layout, counts per class, load time)."});
  d.push_back({"poison",
               {"data", "out", "trigger", "pos", "color", "size", "pattern", "opacity",
                "pattern-seed", "source", "target", "count", "rate", "seed", "labels",
                "label-order", "shuffle-within-class"},
               {"force"},
               "--out RUN [--data D] [--trigger pixel|patch|blend|sinusoid|three-pixel|corners]\n"
               "[--pos R,C] [--color R,G,B] [--size K] [--pattern solid|checkerboard|noise]\n"
               "[--opacity A] [--pattern-seed X] [--source S] [--target T]\n"
               "[--count N | --rate P] [--seed X] [--force]\n"
               "[--labels FILE.npy|FILE.csv [--label-order TRUE.npy] [--shuffle-within-class X]]",
               "Create a run folder: experiment.json and poison.csv. Positions are (row, "
               "column). FLIP's triggers: sinusoid (1xs), three-pixel (3xp), corners (4xl). "
               "--labels makes a label-only run (FLIP): clean training images with the file's "
               "labels ((N, K) logits .npy, argmax; or index,label CSV), rows in the official "
               "order, mapped onto an image folder by --label-order (found as true.npy beside "
               "the file when not given); the trigger is the test-time trigger."});
  d.push_back({"preview",
               {"run", "index", "out", "scale", "split", "data"},
               {"mark-trigger"},
               "--run RUN --index I --out FILE.png [--split train|test|triggered] [--scale 8]\n"
               "[--mark-trigger] [--data D]",
               "Render a sample as the model sees it, enlarged, optionally with the trigger "
               "marked."});
  d.push_back({"download",
               {"dest", "url", "md5", "size"},
               {},
               "[--dest DIR] [--url URL] [--md5 HEX] [--size BYTES]",
               "Fetch the official cifar-10-binary.tar.gz, verify its MD5; resumable."});
  d.push_back(
      {"train",
       {"run",
        "data",
        "recipe",
        "model",
        "width",
        "epochs",
        "batch",
        "lr",
        "weight-decay",
        "momentum",
        "warmup",
        "label-smoothing",
        "augment-until",
        "small-crops-until",
        "small-crop-side",
        "schedule",
        "milestones",
        "gamma",
        "augment",
        "precision",
        "threads",
        "device",
        "limit-train",
        "seed"},
       {"resume", "decay-norms"},
       "--run RUN [--recipe default|flip] [--model resnet8|resnet32p|r32p|resnet18|...]\n"
       "[--width 32] [--epochs E] [--batch B] [--lr L]\n"
       "[--momentum M] [--warmup F] [--schedule onecycle|cosine|multistep]\n"
       "[--milestones 75,125] [--gamma 0.1]\n"
       "[--augment none|flip|crop+flip] [--augment-until F] [--weight-decay D] [--decay-norms]\n"
       "[--small-crops-until F] [--small-crop-side 24] [--label-smoothing 0.2]\n"
       "[--precision auto|fp32|bf16] [--threads N] [--device cpu|cuda]\n"
       "[--limit-train N] [--seed X] [--resume] [--data D]",
       "Train on the run's poisoned data; writes RUN/model.pt and RUN/metrics.json, a "
       "checkpoint after every epoch (--resume continues from it). Weight decay applies to "
       "convolution and linear weights; --decay-norms also to batch norm and biases. Targets are "
       "smoothed by 0.2 (--label-smoothing 0: plain one-hot targets). --small-crops-until F trains "
       "the first F of the epochs on random side x side crops (cheaper steps). --recipe flip is "
       "FLIP's user recipe (pre-activation ResNet-32 r32p, SGD 0.1 Nesterov, weight decay 2e-4 "
       "on every parameter, batch 256, 200 epochs, x0.1 at epochs 75 and 125, crop+flip, no "
       "smoothing); options given with it change that recipe."});
  d.push_back({"evaluate",
               {"run", "model", "data", "precision", "threads", "device"},
               {},
               "--run RUN [--model FILE] [--precision P] [--threads N] [--device D] [--data D]",
               "Clean accuracy, ASR, poisons fitted, per-class accuracy and confusion "
               "matrices."});
  d.push_back(
      {"detect",
       {"run",
        "method",
        "model",
        "data",
        "layer",
        "precision",
        "threads",
        "device",
        "batch",
        "export-features",
        "seed",
        "eps",
        "percentile",
        "classes",
        "reduce",
        "dims",
        "criterion",
        "size-threshold",
        "silhouette-threshold",
        "attempts",
        "reclassify",
        "reclassify-threshold",
        "mode",
        "test-index",
        "test-split",
        "damping",
        "normalize",
        "flag-top",
        "flag-z",
        "flag-among",
        "layers",
        "solver",
        "iterations",
        "tolerance",
        "depth",
        "repeats",
        "scale",
        "lissa-batch",
        "hessian-samples",
        "candidates",
        "candidates-class",
        "probabilities",
        "folds"},
       {"uncentred", "pooled", "self", "true-labels"},
       "--run RUN --method spectral|activation-clustering|influence|confident-learning\n"
       "[--model FILE]"
       "[--layer NAME] [--export-features FILE.npy] [--precision P] [--threads N] [--seed X]\n"
       "[--device cpu|cuda] [--batch B] [--data D]\n"
       "spectral: [--eps E | --percentile P] [--pooled] [--uncentred] [--classes 4,9]\n"
       "activation-clustering: [--reduce pca|ica] [--dims 10]\n"
       "  [--criterion smaller|relative-size|silhouette|distance] [--size-threshold 0.35]\n"
       "  [--silhouette-threshold 0.10] [--attempts 3]\n"
       "  [--reclassify none|classifier|full] [--reclassify-threshold 0.5]\n"
       "influence: [--mode classifier|network] [--self] [--test-index I\n"
       "  [--test-split test|triggered]] [--true-labels] [--damping 0.01]\n"
       "  [--normalize gradient|relatif|none] [--flag-top K | --flag-z 3.5]\n"
       "  [--flag-among label|all]; network: [--layers stage3,fc] [--solver cg|lissa]\n"
       "  [--iterations 100] [--tolerance 1e-6] [--depth 200] [--repeats 1] [--scale 25]\n"
       "  [--lissa-batch 64] [--hessian-samples 1000] [--candidates 5000|all]\n"
       "  [--candidates-class C]\n"
       "confident-learning: [--probabilities features|cv] [--folds 5]",
       "Score every training sample for suspicion; writes RUN/detect/<name>.csv and .json "
       "with precision, recall, AUROC, recall@k against the ground truth, per class too. "
       "Influence flags robust outliers (modified z-score above 3.5) among the samples "
       "labelled as its test points are predicted (--flag-among all: among every sample, "
       "z 10 unless --flag-z). Confident learning (Northcutt et al. 2021) ranks suspected "
       "label errors by self-confidence from out-of-sample probabilities: K-fold logistic "
       "regression on the model's pooled features (features), or K networks trained with the "
       "run's recipe, each without its fold (cv)."});
  d.push_back({"features",
               {"run", "model", "data", "layer", "export-features", "precision", "threads",
                "device", "batch"},
               {},
               "--run RUN --layer NAME --export-features FILE.npy [--model FILE] [--precision P]\n"
               "[--threads N] [--device cpu|cuda] [--batch B] [--data D]",
               "Activations of a layer for every training image: float32 N x D .npy and a CSV "
               "(index,label,original_label,poisoned) beside it."});
  d.push_back({"unlearn",
               with({"run", "method", "forget", "name"}, kSsdValued),
               {"select", "select-oracle"},
               std::string("--run RUN --method ssd|retrain|finetune\n"
                           "--forget ground-truth[:FRACTION]|detector:NAME|FILE.csv [--name N] "
                           "[--seed X]\n") +
                   kUnlearnMethodOptions,
               "A new model version RUN/unlearn/<name>/model.pt and RUN/unlearn/<name>.json "
               "with clean accuracy and ASR (stamped and mirrored) before and after; the "
               "original model is never written. SSD's importances see the images as training "
               "did (both orientations of the forget set when the recipe flips)."});
  d.push_back({"unlearn-sweep",
               with({"run", "fractions", "methods"}, kSsdValued),
               {"no-reuse", "select", "select-oracle"},
               std::string("--run RUN [--fractions 0.1,0.25,0.5,1] [--methods "
                           "ssd,finetune,retrain]\n[--seed X] [--no-reuse]\n") +
                   kUnlearnMethodOptions,
               "Every method on every fraction of the ground-truth poisons; "
               "RUN/unlearn/sweep.csv and sweep.png. Results already in RUN/unlearn are reused "
               "unless --no-reuse."});
  d.push_back({"report",
               {"run", "format", "out", "language", "data"},
               {},
               "--run RUN [--format html|pdf] [--out FILE] [--language en|de|zh_CN] [--data D]",
               "One self-contained document of the run for readers without the program: the "
               "attack (trigger enlarged, poison spec), training curves, clean accuracy and ASR "
               "(stamped and mirrored), each detector's metrics, score histogram, cluster plot, "
               "ROC and precision-recall curves and most suspicious samples, and the unlearning "
               "results with the sweep plot. HTML with its pictures embedded, or A4 PDF with a "
               "section per page; the format follows --format, else --out's extension, else "
               "HTML. Default file RUN/report.html or RUN/report.pdf; in English unless --language "
               "names German or Simplified Chinese. Drawn by the workbench's "
               "own views offscreen (no display needed); in builds with the workbench only."});
  d.push_back({"grid",
               {"spec", "out", "data", "partition", "time", "cpus", "mem", "sbatch", "squeue"},
               {"slurm", "no-wait", "collect", "dry-run"},
               "--spec GRID.json --out DIR [--data D] [--dry-run]\n"
               "[--slurm [--partition P] [--time 01:00:00] [--cpus 2] [--mem M] [--no-wait]\n"
               "  [--sbatch PROGRAM] [--squeue PROGRAM]]\n"
               "or --collect --out DIR",
               "A what-if grid: the base experiment of GRID.json with the settings under "
               "\"vary\" (trigger.pos, poison.count, seed, classes, recipe, ...) in every "
               "combination, one run folder each under DIR/runs/, poisoned and trained here "
               "one after another or as a Slurm job array (one task per run, grid-task); then "
               "DIR/grid-results.csv and .json, which the workbench's run comparison opens "
               "(Runs > Open grid table). Runs already trained are kept, so the same command "
               "resumes a grid. See docs/grid.md."});
  d.push_back(
      {"flip",
       {"out",
        "data",
        "trigger",
        "pos",
        "color",
        "size",
        "pattern",
        "opacity",
        "pattern-seed",
        "source",
        "target",
        "model",
        "width",
        "experts",
        "expert-epochs",
        "expert-lr",
        "checkpoint-every",
        "passes",
        "min-epoch",
        "max-epoch",
        "batch",
        "label-lr",
        "label-momentum",
        "lambda",
        "budgets",
        "per-class",
        "seed",
        "threads",
        "device",
        "label-order"},
       {"quick", "resume", "no-runs"},
       "--out DIR [--data D] [--quick] [--trigger three-pixel|sinusoid|corners|pixel|...]\n"
       "[--pos R,C] [--color R,G,B] [--size K] [--pattern P] [--opacity A] [--pattern-seed X]\n"
       "[--source 9] [--target 4] [--model resnet32p] [--width 16]\n"
       "[--experts 1] [--expert-epochs 20] [--expert-lr 0.1] [--checkpoint-every 50]\n"
       "[--passes 15] [--min-epoch 0] [--max-epoch E] [--batch 256]\n"
       "[--label-lr 150] [--label-momentum 0.5] [--lambda 0]\n"
       "[--budgets 150,300,500,1000,1500] [--per-class N] [--seed X]\n"
       "[--label-order TRUE.npy] [--threads N] [--device cpu|cuda] [--resume] [--no-runs]",
       "Compute FLIP's label-only backdoor (Jha et al. 2023): train expert networks on the clean "
       "set plus every source-class image again with the trigger, labelled target; move a "
       "(N x K) logit table, initialised to 5 x one-hot, so that one student step on the clean "
       "images with these soft labels matches one expert step (trajectory matching, one level "
       "of double backward; label SGD lr 150, momentum 0.5); then flip, for each budget, the "
       "rows whose best other class beats the true one most, of any class, nested. Writes "
       "DIR/<n>.npy in FLIP's published format (rows in the data set's order, or the official "
       "order of --label-order), DIR/labels.npy, true.npy, losses.npy and flip.json, and a "
       "label-only run folder per budget under DIR/runs/<n>/ ready to train (--no-runs: "
       "none). --quick: one block a stage (resnet8p), 500 images a class, one expert of 10 "
       "epochs at batch 128, 3 passes (about a quarter of an hour on 2 CPU cores). State is "
       "saved after the experts and after every pass; --resume continues a stopped run."});
  d.push_back({"grid-task",
               {"out", "index", "data"},
               {},
               "--out DIR --index I [--data D]",
               "One run of a grid (what each Slurm array task runs)."});
  d.push_back({"help",
               {},
               {},
               "[COMMAND]",
               "Show this text, or one command's (as does COMMAND --help or -h)."});
  return d;
}

/// Breaks `text` into lines of at most `width` characters at spaces.
std::vector<std::string> wrap(const std::string& text, std::size_t width) {
  std::vector<std::string> lines;
  std::istringstream words(text);
  std::string word, line;
  while (words >> word) {
    if (!line.empty() && line.size() + 1 + word.size() > width) {
      lines.push_back(line);
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

std::vector<std::string> splitLines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  std::string line;
  while (std::getline(in, line)) out.push_back(line);
  return out;
}

/// One command as --help shows it: the name, its options indented, the description wrapped.
std::string helpBlock(const CommandDoc& c) {
  constexpr std::size_t kIndent = 12;
  const std::string pad(kIndent, ' ');
  std::ostringstream o;
  const auto lines = splitLines(c.synopsis);
  std::string head = "  " + c.name;
  bool first = true;
  for (const auto& l : lines) {
    if (first && head.size() < kIndent) {
      o << head << std::string(kIndent - head.size(), ' ') << l << "\n";
    } else if (first) {
      o << head << " " << l << "\n";
    } else {
      o << pad << l << "\n";
    }
    first = false;
  }
  for (const auto& l : wrap(c.description, 78)) o << pad << l << "\n";
  return o.str();
}

/// roff-escapes a text line: backslashes and leading dots or quotes.
std::string roff(const std::string& s) {
  std::string out;
  for (char ch : s) {
    if (ch == '\\')
      out += "\\e";
    else if (ch == '-')
      out += "\\-";
    else
      out += ch;
  }
  if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out = "\\&" + out;
  return out;
}

/// Markdown text: angle brackets (RUN/detect/<name>.csv) shown, not taken for HTML.
std::string md(const std::string& s) {
  std::string out;
  for (char ch : s) out += ch == '<' ? "&lt;" : ch == '>' ? "&gt;" : std::string(1, ch);
  return out;
}

}  // namespace

const std::vector<CommandDoc>& commandDocs() {
  static const std::vector<CommandDoc> docs = makeDocs();
  return docs;
}

const CommandDoc& commandDoc(const std::string& name) {
  for (const auto& c : commandDocs())
    if (c.name == name) return c;
  throw Error("unknown command '" + name + "' (poisonlab-cli --help lists them)");
}

std::string usageText() {
  std::ostringstream o;
  o << kTitle << "\n\nusage: poisonlab-cli <command> [options]\n\ncommands:\n";
  for (const auto& c : commandDocs()) o << helpBlock(c);
  o << "\n" << kFooter;
  return o.str();
}

std::string commandHelp(const CommandDoc& doc) {
  return "usage: poisonlab-cli " + doc.name + " [options]\n\n" + helpBlock(doc) + "\n" + kFooter;
}

std::string markdownReference() {
  std::ostringstream o;
  o << "# poisonlab-cli reference\n\n"
    << "<!-- Generated by `poisonlab-cli --reference` from the table that --help and the man "
       "page come from (app/cli/usage.cpp); tst_cli fails when this file differs. -->\n\n"
    << kTitle << ".\n\n    poisonlab-cli <command> [options]\n\n";
  for (const auto& l : splitLines(kFooter)) o << l << "\n";
  o << "\n| command | what it does |\n|---|---|\n";
  for (const auto& c : commandDocs())
    o << "| [`" << c.name << "`](#" << c.name << ") | " << md(c.description) << " |\n";
  for (const auto& c : commandDocs()) {
    o << "\n## " << c.name << "\n\n";
    bool first = true;
    for (const auto& l : splitLines(c.synopsis)) {
      o << (first ? "    poisonlab-cli " + c.name + " " : std::string(8, ' ')) << l << "\n";
      first = false;
    }
    o << "\n" << md(c.description) << "\n";
    std::string opts;
    for (const auto& v : c.valued) opts += (opts.empty() ? "" : ", ") + ("`--" + v + " VALUE`");
    for (const auto& f : c.flags) opts += (opts.empty() ? "" : ", ") + ("`--" + f + "`");
    if (!opts.empty()) o << "\nOptions accepted: " << opts << ", `--json`.\n";
  }
  return o.str();
}

std::string manPage(const std::string& version, const std::string& date) {
  std::ostringstream o;
  o << ".\\\" Generated by poisonlab-cli --man from the table that --help prints.\n"
    << ".TH POISONLAB\\-CLI 1 \"" << date << "\" \"PoisonLab " << version
    << "\" \"User Commands\"\n"
    << ".SH NAME\npoisonlab\\-cli \\- backdoor poisoning research on CIFAR\\-10 from the "
       "command line\n"
    << ".SH SYNOPSIS\n.B poisonlab\\-cli\n.I command\n[\\fIoptions\\fR]\n"
    << ".SH DESCRIPTION\nThe headless twin of the PoisonLab workbench, on the same engine: "
       "poison CIFAR\\-10 with a trigger, train a ResNet on it, run poison detectors "
       "(Spectral Signatures, Activation Clustering, influence functions) and remove the "
       "backdoor by unlearning (Selective Synaptic Dampening, retraining, fine\\-tuning). "
       "Every run lives in a run folder that the workbench opens too.\n"
    << ".SH COMMANDS\n";
  for (const auto& c : commandDocs()) {
    o << ".TP\n.B " << roff(c.name) << "\n.nf\n";
    for (const auto& l : splitLines(c.synopsis)) o << roff(l) << "\n";
    o << ".fi\n" << roff(c.description) << "\n";
  }
  o << ".SH OPTIONS\n";
  for (const auto& l : splitLines(kFooter)) o << roff(l) << "\n.br\n";
  o << ".SH EXIT STATUS\n0 on success, 1 on an error (the message names the file or option), "
       "2 for an unknown command, 130 when cancelled (Ctrl\\-C; every file written is "
       "complete).\n"
    << ".SH ENVIRONMENT\n.TP\n.B POISONLAB_DATA\nThe data set when \\-\\-data is not given.\n"
    << ".TP\n.B POISONLAB_THREADS\nIntra\\-op threads (default: every core).\n"
    << ".TP\n.B POISONLAB_CACHE_GB\nThe bound on a run's activation cache (default 8).\n"
    << ".SH FILES\nA run folder holds experiment.json, poison.csv, model.pt, metrics.json, "
       "detect/, unlearn/ and cache/; see the user guide.\n";
  return o.str();
}

}  // namespace poisonlab::cli
