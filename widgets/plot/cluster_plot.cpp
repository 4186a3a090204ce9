#include "plot/cluster_plot.h"

#include <QStringList>

#include <algorithm>
#include <cmath>

#include "core/detect/detect.h"
#include "plot/fast_scatter.h"
#include "plot/plot_export.h"
#include "qcustomplot.h"
#include "state/session.h"

namespace poisonlab::gui {
namespace {

constexpr int kScoreBands = 8;

const std::vector<double>* column(const DetectionReport& d, const char* name) {
  for (const auto& [k, v] : d.columns)
    if (k == name) return &v;
  return nullptr;
}

QColor bandColour(int band) {
  // Light blue (low) to dark red (high): the score's colour ramp.
  const double t = band / double(kScoreBands - 1);
  return QColor::fromHsvF(0.6 * (1 - t), 0.35 + 0.6 * t, 0.95 - 0.35 * t);
}

}  // namespace

bool hasProjection(const DetectionReport& report) {
  return column(report, "x") && column(report, "y");
}

ClusterPoints clusterPoints(const Session& session, const QString& detector, int cls) {
  ClusterPoints p;
  const auto d = session.detection(detector);
  if (!d) return p;
  const auto* x = column(*d, "x");
  const auto* y = column(*d, "y");
  const auto* c = column(*d, "cluster");
  for (std::size_t k = 0; x && y && k < d->indices.size(); ++k) {
    const int idx = static_cast<int>(d->indices[k]);
    if (d->labels[k] != cls || !session.isShown(idx)) continue;
    p.indices.push_back(idx);
    p.xs.push_back((*x)[k]);
    p.ys.push_back((*y)[k]);
    p.cluster.push_back(c ? int((*c)[k]) : 0);
    p.poisoned.push_back(d->poisoned[k]);
  }
  return p;
}

QCustomPlot* ClusterPlot::make(QWidget* parent) {
  QCustomPlot* plot = makePlot(parent, QStringLiteral("clusterScatter"),
                               tr("Activations on their first two principal axes"), tr("PC 1"));
  plot->yAxis->setLabel(tr("PC 2"));
  plot->legend->setVisible(true);
  return plot;
}

FastScatter* ClusterPlot::draw(QCustomPlot* plot, const Session& session, const ClusterPoints& p,
                               ClusterColour colour, const QString& scoreDetector) {
  plot->clearPlottables();  // the point groups, the selection rings and the lasso
  // Points are grouped by colour: a legend entry and one stamping pass each.
  std::vector<std::vector<int>> groups;
  QStringList names;
  QList<QColor> colours;
  const std::size_t n = p.xs.size();
  if (colour == ClusterColour::Cluster) {
    groups.resize(2);
    for (std::size_t k = 0; k < n; ++k) groups[std::clamp(p.cluster[k], 0, 1)].push_back(int(k));
    names = {tr("cluster 0"), tr("cluster 1")};
    colours = {kBlue, kOrange};
  } else if (colour == ClusterColour::GroundTruth || scoreDetector.isEmpty()) {
    groups.resize(2);
    for (std::size_t k = 0; k < n; ++k) groups[p.poisoned[k] ? 1 : 0].push_back(int(k));
    names = {tr("clean"), tr("poisoned (ground truth)")};
    colours = {kBlue, kVermillion};
  } else {
    const std::vector<double> all = session.scoreColumn(scoreDetector);
    std::vector<double> s(n, std::nan(""));
    double lo = INFINITY, hi = -INFINITY;
    for (std::size_t k = 0; k < n; ++k) {
      s[k] = all.at(static_cast<std::size_t>(p.indices[k]));
      if (std::isfinite(s[k])) {
        lo = std::min(lo, s[k]);
        hi = std::max(hi, s[k]);
      }
    }
    groups.resize(kScoreBands);
    for (std::size_t k = 0; k < n; ++k) {
      const double t = std::isfinite(s[k]) && hi > lo ? (s[k] - lo) / (hi - lo) : 0;
      groups[std::clamp(int(t * kScoreBands), 0, kScoreBands - 1)].push_back(int(k));
    }
    for (int b = 0; b < kScoreBands; ++b) {
      names << (b == 0 ? tr("low score") : b == kScoreBands - 1 ? tr("high score") : QString());
      colours << bandColour(b);
    }
  }
  // One plottable per colour: its points are stamped into an image (fast_scatter.h).
  for (std::size_t g = 0; g < groups.size(); ++g) {
    auto* group = new FastScatter(plot->xAxis, plot->yAxis);
    std::vector<double> x, y;
    x.reserve(groups[g].size());
    y.reserve(groups[g].size());
    for (int k : groups[g]) {
      x.push_back(p.xs[std::size_t(k)]);
      y.push_back(p.ys[std::size_t(k)]);
    }
    group->setPoints(std::move(x), std::move(y));
    group->setColour(colours[int(g)]);
    group->setShape(FastScatter::Shape::Disc, 2);
    group->setName(names.value(int(g)));
    if (names.value(int(g)).isEmpty()) group->removeFromLegend();
  }
  auto* selected = new FastScatter(plot->xAxis, plot->yAxis);
  selected->setName(tr("selected"));
  selected->setColour(Qt::black);
  selected->setShape(FastScatter::Shape::Ring, 4);
  // Its legend entry only while something is selected (a report never has a selection).
  if (auto* item = plot->legend->itemWithPlottable(selected)) item->setVisible(false);
  plot->clearItems();
  return selected;
}

void ClusterPlot::fit(QCustomPlot* plot, const ClusterPoints& p) {
  if (p.xs.empty()) return;
  const auto [x0, x1] = std::minmax_element(p.xs.begin(), p.xs.end());
  const auto [y0, y1] = std::minmax_element(p.ys.begin(), p.ys.end());
  const double mx = (*x1 - *x0) * 0.05 + 1e-9, my = (*y1 - *y0) * 0.05 + 1e-9;
  plot->xAxis->setRange(*x0 - mx, *x1 + mx);
  plot->yAxis->setRange(*y0 - my, *y1 + my);
}

}  // namespace poisonlab::gui
