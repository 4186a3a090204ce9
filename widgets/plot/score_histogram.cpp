#include "plot/score_histogram.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/detect/detect.h"
#include "plot/plot_export.h"
#include "qcustomplot.h"
#include "state/session.h"

namespace poisonlab::gui {

namespace {
/// Where the bars start on the log axis: a bin of one sample is a visible bar.
constexpr double kLogBase = 0.6;
}  // namespace

ClassScores classScores(const Session& session, const QString& detector, int cls) {
  ClassScores c;
  c.flaggedFrom = std::numeric_limits<double>::infinity();
  const auto d = session.detection(detector);
  if (!d) return c;
  for (std::size_t k = 0; k < d->indices.size(); ++k) {
    const int idx = static_cast<int>(d->indices[k]);
    if (d->labels[k] != cls || !session.isShown(idx) || !std::isfinite(d->scores[k])) continue;
    c.indices.push_back(idx);
    c.scores.push_back(d->scores[k]);
    c.poisoned.push_back(d->poisoned[k]);
    if (d->flagged[k]) c.flaggedFrom = std::min(c.flaggedFrom, d->scores[k]);
  }
  return c;
}

ScoreHistogram::ScoreHistogram(QWidget* parent) {
  plot_ = makePlot(parent, QStringLiteral("spectralHistogram"),
                   tr("Outlier scores (drag the dashed line to move the threshold)"),
                   tr("outlier score"));
  // A logarithmic count axis: a class's thousands of clean scores and the tens of poisons in
  // the tail (Tran et al.'s Figure 1) on one picture; on a linear axis the tail was invisible.
  plot_->yAxis->setLabel(tr("samples (log scale)"));
  plot_->yAxis->setScaleType(QCPAxis::stLogarithmic);
  plot_->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
  plot_->yAxis->setNumberFormat(QStringLiteral("gb"));
  plot_->legend->setVisible(true);
  plot_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
  clean_ = new QCPBars(plot_->xAxis, plot_->yAxis);
  clean_->setBaseValue(kLogBase);
  clean_->setName(tr("clean"));
  clean_->setPen(Qt::NoPen);
  clean_->setBrush(kBlue);
  poison_ = new QCPBars(plot_->xAxis, plot_->yAxis);
  poison_->setName(tr("poisoned (ground truth)"));
  poison_->setPen(Qt::NoPen);
  poison_->setBrush(kVermillion);
  poison_->moveAbove(clean_);
  selected_ = new QCPBars(plot_->xAxis, plot_->yAxis);
  selected_->setBaseValue(kLogBase);
  selected_->setName(tr("selected"));
  selected_->setPen(QPen(Qt::black, 1.5));
  selected_->setBrush(Qt::NoBrush);
  line_ = new QCPItemStraightLine(plot_);
  line_->setPen(QPen(Qt::black, 2, Qt::DashLine));
}

int ScoreHistogram::binOf(double score) const {
  return std::clamp(int((score - lo_) / binWidth()), 0, kBins - 1);
}

void ScoreHistogram::setScores(const std::vector<double>& scores,
                               const std::vector<std::uint8_t>& poisoned) {
  if (!scores.empty()) {
    const auto [mn, mx] = std::minmax_element(scores.begin(), scores.end());
    lo_ = *mn;
    hi_ = *mx > *mn ? *mx : *mn + 1;
  } else {
    lo_ = 0;
    hi_ = 1;
  }
  const double width = binWidth();
  QVector<double> keys(kBins), clean(kBins, 0), poison(kBins, 0);
  for (int b = 0; b < kBins; ++b) keys[b] = lo_ + (b + 0.5) * width;
  for (std::size_t k = 0; k < scores.size(); ++k)
    (poisoned[k] ? poison : clean)[binOf(scores[k])] += 1;
  clean_->setWidth(width);
  poison_->setWidth(width);
  selected_->setWidth(width);
  clean_->setData(keys, clean, true);
  poison_->setData(keys, poison, true);
  plot_->xAxis->setRange(lo_ - width, hi_ + width);
  double top = 1;
  for (int b = 0; b < kBins; ++b) top = std::max(top, clean[b] + poison[b]);
  plot_->yAxis->setRange(kLogBase, top * 1.6);
}

void ScoreHistogram::setSelected(const std::vector<double>& scores) {
  const double width = binWidth();
  QVector<double> keys(kBins), sel(kBins, 0);
  for (int b = 0; b < kBins; ++b) keys[b] = lo_ + (b + 0.5) * width;
  for (double s : scores) sel[binOf(s)] += 1;
  const bool any = !scores.empty();
  selected_->setData(keys, sel, true);
  selected_->setVisible(any);
  if (auto* item = plot_->legend->itemWithPlottable(selected_)) item->setVisible(any);
}

void ScoreHistogram::setThreshold(double threshold) {
  line_->point1->setCoords(threshold, 1);
  line_->point2->setCoords(threshold, 2);
}

}  // namespace poisonlab::gui
