// The corrective sweep: every unlearning method at every fraction of the poisons found.
#include "core/unlearn/sweep.h"

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "core/render/plot.h"
#include "core/util/atomic_file.h"
#include "core/util/error.h"
#include "core/util/format.h"
#include "core/util/md5.h"

namespace poisonlab {

namespace fs = std::filesystem;

std::vector<SweepRow> unlearnSweep(const std::string& runDir, const PoisonedDataset& pd,
                                   const std::vector<double>& fractions,
                                   const std::vector<UnlearnMethod>& methods,
                                   const UnlearnRequest& base, std::uint64_t seed, bool reuse,
                                   const std::function<void(const SweepRow&)>& onRow,
                                   const ProgressFn& progress, const CancelToken* cancel) {
  if (fractions.empty() || methods.empty()) throw Error("sweep: no fractions or no methods");
  std::vector<SweepRow> rows;
  const std::string originalMd5 =
      md5OfFile(base.modelPath.empty() ? modelPath(runDir) : base.modelPath);
  const double total = double(fractions.size() * methods.size());
  for (UnlearnMethod m : methods) {
    for (double f : fractions) {
      if (!(f > 0) || f > 1) throw Error("fractions: " + formatNumber(f) + " is not in (0, 1]");
      SweepRow row;
      row.method = m;
      row.fraction = f;
      UnlearnRequest r = base;
      r.method = m;
      r.name.clear();
      r.forget =
          resolveForgetSet(f >= 1 ? std::string("ground-truth") : "ground-truth:" + formatNumber(f),
                           runDir, pd, seed);
      const std::string name = unlearnName(r);
      const std::string json = (fs::path(unlearnDir(runDir)) / (name + ".json")).string();
      if (reuse && fs::exists(json) &&
          fs::exists(fs::path(unlearnDir(runDir)) / name / "model.pt")) {
        row.result = readUnlearnResult(json);
        // Reused only when derived from the same model file (older records lack the digest).
        row.reused = row.result.originalModelMd5 == originalMd5;
      }
      if (!row.reused) {
        const double done = double(rows.size());
        row.result = unlearn(
            runDir, pd, r,
            [&](double g, const std::string& t) {
              report(progress, (done + g) / total,
                     std::string(toString(m)) + " at " + formatNumber(f) + ": " + t);
            },
            cancel);
      }
      rows.push_back(row);
      if (onRow) onRow(rows.back());
    }
  }
  return rows;
}

void writeSweep(const std::string& runDir, const std::vector<SweepRow>& rows, std::string* csvPath,
                std::string* pngPath) {
  const fs::path dir = unlearnDir(runDir);
  std::error_code ec;
  fs::create_directories(dir, ec);
  std::ostringstream csv;
  csv << "method,fraction,name,forget_poisons,alpha,lambda,clean_acc_before,asr_before,"
         "asr_mirrored_before,clean_acc,asr,asr_mirrored,seconds,reused\n";
  for (const auto& r : rows) {
    const UnlearnResult& u = r.result;
    const bool ssd = r.method == UnlearnMethod::Ssd;
    csv << toString(r.method) << ',' << formatNumber(r.fraction) << ',' << u.name << ','
        << u.forgetPoisons << ',' << (ssd ? formatNumber(u.chosen.alpha) : "") << ','
        << (ssd ? formatNumber(u.chosen.lambda) : "") << ',' << u.before.cleanAcc << ','
        << u.before.asr << ',' << u.before.asrMirrored << ',' << u.after.cleanAcc << ','
        << u.after.asr << ',' << u.after.asrMirrored << ',' << u.seconds << ',' << int(r.reused)
        << '\n';
  }
  const std::string csvFile = (dir / "sweep.csv").string();
  writeFileAtomic(csvFile, csv.str());
  PlotPanel asr{"Attack success rate", "fraction of poisons found", "ASR (%)", 0, 1, 0, 100, {}};
  PlotPanel mirrored{
      "ASR, mirrored trigger", "fraction of poisons found", "ASR (%)", 0, 1, 0, 100, {}};
  PlotPanel clean{
      "Clean accuracy", "fraction of poisons found", "clean accuracy (%)", 0, 1, 0, 100, {}};
  std::vector<UnlearnMethod> order;
  for (const auto& r : rows)
    if (std::find(order.begin(), order.end(), r.method) == order.end()) order.push_back(r.method);
  for (std::size_t k = 0; k < order.size(); ++k) {
    PlotSeries a{toString(order[k]), {}, {}, paletteColor(k), false};
    PlotSeries c = a, m = a;
    std::vector<const SweepRow*> mine;
    for (const auto& r : rows)
      if (r.method == order[k]) mine.push_back(&r);
    std::sort(mine.begin(), mine.end(),
              [](const SweepRow* x, const SweepRow* y) { return x->fraction < y->fraction; });
    for (const auto* r : mine) {
      a.x.push_back(r->fraction);
      a.y.push_back(100 * r->result.after.asr);
      m.x.push_back(r->fraction);
      m.y.push_back(100 * r->result.after.asrMirrored);
      c.x.push_back(r->fraction);
      c.y.push_back(100 * r->result.after.cleanAcc);
    }
    asr.series.push_back(a);
    mirrored.series.push_back(m);
    clean.series.push_back(c);
  }
  if (!rows.empty()) {
    const EvalReport& b = rows.front().result.before;
    asr.series.push_back({"original model", {0, 1}, {100 * b.asr, 100 * b.asr}, 0x7f7f7f, true});
    mirrored.series.push_back(
        {"original model", {0, 1}, {100 * b.asrMirrored, 100 * b.asrMirrored}, 0x7f7f7f, true});
    clean.series.push_back(
        {"original model", {0, 1}, {100 * b.cleanAcc, 100 * b.cleanAcc}, 0x7f7f7f, true});
  }
  const std::string pngFile = (dir / "sweep.png").string();
  writeLinePlotPng(pngFile, "Corrective unlearning: " + runDir, {asr, mirrored, clean});
  if (csvPath) *csvPath = csvFile;
  if (pngPath) *pngPath = pngFile;
}

}  // namespace poisonlab
