#pragma once
// Made-up detector results and a filled session for the view and panel tests (no training):
// poisons score high with some overlap, and sit apart in a 2-D projection.

#include <memory>
#include <string>

#include "core/attack/poison.h"
#include "core/detect/detect.h"
#include "state/session.h"
#include "test_support.h"

namespace poisonlab::testing {

/// A detector report over every training sample: poisons score `shift` higher, the samples
/// scoring at least `shift` are flagged; x, y and cluster columns put the poisons apart in 2-D.
/// A detector report over every training sample: poisons score high (with some overlap), the
/// top `flagTop` are flagged; x, y and cluster columns put the poisons apart in 2-D.
inline std::shared_ptr<DetectionReport> madeUpReport(const PoisonedDataset& pd,
                                                     const std::string& name,
                                                     const std::string& method, double shift) {
  auto r = std::make_shared<DetectionReport>();
  r->name = name;
  r->method = method;
  const std::size_t n = pd.train.count();
  std::vector<double> x, y, cluster;
  for (std::size_t i = 0; i < n; ++i) {
    const bool p = pd.poisonedMask[i];
    r->indices.push_back(std::int64_t(i));
    r->labels.push_back(pd.train.labels[i]);
    r->scores.push_back((p ? shift : 0.0) + double((i * 37) % 100) / 100.0);
    r->poisoned.push_back(p);
    x.push_back(p ? 5.0 + double(i % 7) / 10 : double(i % 11) / 10);
    y.push_back(double(i % 13) / 10);
    cluster.push_back(p ? 1 : 0);
  }
  for (std::size_t i = 0; i < n; ++i) r->flagged.push_back(r->scores[i] >= shift);
  r->columns = {{"cluster", cluster}, {"x", x}, {"y", y}};
  r->overall = detectionMetrics(r->scores, r->flagged, r->poisoned);
  for (int c = 0; c < int(pd.classNames().size()); ++c) {
    ClassSummary cs;
    cs.cls = c;
    std::vector<double> s;
    std::vector<std::uint8_t> f, t;
    for (std::size_t i = 0; i < n; ++i)
      if (r->labels[i] == c) {
        s.push_back(r->scores[i]);
        f.push_back(r->flagged[i]);
        t.push_back(r->poisoned[i]);
      }
    cs.metrics = detectionMetrics(s, f, t);
    cs.figures = {{"singular_ratio", c == pd.spec.target ? 2.5 : 1.1},
                  {"silhouette", 0.4},
                  {"cluster0_size", 10},
                  {"cluster1_size", 5}};
    r->classes.push_back(cs);
  }
  r->figures = {{"attacked_class", double(pd.spec.target)}};
  r->model.asr = 0.95;
  r->model.poisonFit = 0.97;
  return r;
}

/// The data, two detector reports (spectral, activation-clustering) and the original model
/// version with its evaluation.
/// The small poisoned data set the view and panel tests share: 10 classes of 30 training and 3
/// test images, 12 poisons with the default trigger.
struct SmallPoisoned {
  std::shared_ptr<const Dataset> clean;
  std::shared_ptr<const PoisonedDataset> pd;
};
inline SmallPoisoned smallPoisoned() {
  SmallPoisoned d;
  d.clean = std::make_shared<const Dataset>(makeDataset(10, 30, 3));
  PoisonSpec spec;
  spec.count = 12;
  d.pd = std::make_shared<const PoisonedDataset>(applyPoison(d.clean, TriggerSpec{}, spec));
  return d;
}

inline void fillSession(gui::Session& s, std::shared_ptr<const Dataset> clean,
                        std::shared_ptr<const PoisonedDataset> pd) {
  s.setData(clean, pd, QString());
  s.addDetection(madeUpReport(*pd, "spectral", "spectral", 0.6));
  s.addDetection(madeUpReport(*pd, "activation-clustering", "activation-clustering", 0.9));
  gui::ModelVersion original;
  original.name = "original";
  original.method = "trained";
  EvalReport e;
  e.cleanAcc = 0.8;
  e.asr = 0.9;
  e.poisonFit = 0.95;
  e.perClassAcc.assign(10, 0.8);
  e.confusion.assign(10, std::vector<int>(10, 1));
  original.eval = e;
  s.setVersions({original});
}

}  // namespace poisonlab::testing
