#include "ui_format.h"
#include "spectral_view.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

#include "core/detect/detect.h"
#include "core/util/format.h"
#include "plot_export.h"
#include "qcustomplot.h"
#include "lazy_refresh.h"
#include "session.h"

namespace poisonlab::gui {

namespace {
QString percent(double v) { return uiPercent(v); }
}  // namespace

SpectralView::SpectralView(Session* session, QWidget* parent) : QWidget(parent), session_(session) {
  setObjectName(QStringLiteral("spectralView"));
  detector_ = new QComboBox(this);
  detector_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  detector_->setObjectName(QStringLiteral("spectralDetector"));
  class_ = new QComboBox(this);
  class_->setObjectName(QStringLiteral("spectralClass"));
  selectFlagged_ = new QPushButton(tr("Select flagged"), this);
  selectFlagged_->setObjectName(QStringLiteral("selectFlaggedButton"));
  selectFlagged_->setToolTip(tr("Select the class's samples at or above the threshold"));
  summary_ = new QLabel(this);
  summary_->setTextFormat(Qt::PlainText);  // plain: it may show the user's names and paths
  summary_->setObjectName(QStringLiteral("spectralSummary"));
  thresholdText_ = new QLabel(this);
  thresholdText_->setTextFormat(Qt::PlainText);  // plain: it may show the user's names and paths
  thresholdText_->setObjectName(QStringLiteral("thresholdText"));
  thresholdText_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  // Both lines wrap: on one line each set the view's width (829 px in German).
  summary_->setWordWrap(true);
  thresholdText_->setWordWrap(true);

  histogram_ = makePlot(this, QStringLiteral("spectralHistogram"),
                        tr("Outlier scores (drag the dashed line to move the threshold)"),
                        tr("outlier score"));
  histogram_->yAxis->setLabel(tr("samples"));
  histogram_->legend->setVisible(true);
  histogram_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
  cleanBars_ = new QCPBars(histogram_->xAxis, histogram_->yAxis);
  cleanBars_->setName(tr("clean"));
  cleanBars_->setPen(Qt::NoPen);
  cleanBars_->setBrush(kBlue);
  poisonBars_ = new QCPBars(histogram_->xAxis, histogram_->yAxis);
  poisonBars_->setName(tr("poisoned (ground truth)"));
  poisonBars_->setPen(Qt::NoPen);
  poisonBars_->setBrush(kVermillion);
  poisonBars_->moveAbove(cleanBars_);
  selectedBars_ = new QCPBars(histogram_->xAxis, histogram_->yAxis);
  selectedBars_->setName(tr("selected"));
  selectedBars_->setPen(QPen(Qt::black, 1.5));
  selectedBars_->setBrush(Qt::NoBrush);
  line_ = new QCPItemStraightLine(histogram_);
  line_->setPen(QPen(Qt::black, 2, Qt::DashLine));
  histogram_->installEventFilter(this);
  histogram_->setCursor(Qt::CrossCursor);

  overview_ =
      makePlot(this, QStringLiteral("spectralOverview"), tr("σ1 / σ2 per class (click a bar)"));
  overview_->yAxis->setLabel(tr("σ1 / σ2"));
  connect(overview_, &QCustomPlot::plottableClick, this,
          [this](QCPAbstractPlottable*, int dataIndex, QMouseEvent*) { setClass(dataIndex); });

  auto* top = new QHBoxLayout;
  top->addWidget(new QLabel(tr("Detector"), this));
  top->addWidget(detector_);
  top->addWidget(new QLabel(tr("Class"), this));
  top->addWidget(class_);
  top->addWidget(selectFlagged_);
  top->addStretch(1);
  auto* split = new QSplitter(Qt::Horizontal, this);
  split->addWidget(histogram_);
  split->addWidget(overview_);
  split->setStretchFactor(0, 3);
  split->setStretchFactor(1, 2);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(top);
  layout->addWidget(summary_);
  layout->addWidget(split, 1);
  layout->addWidget(thresholdText_);

  choice_.follow(this, detector_, class_, session_);
  connect(detector_, &QComboBox::currentIndexChanged, this, [this] {
    rebuildOverview();
    rebuild();
  });
  connect(class_, &QComboBox::currentIndexChanged, this, &SpectralView::rebuild);
  connect(selectFlagged_, &QPushButton::clicked, this, &SpectralView::selectAboveThreshold);
  refreshOnResults(this, session_, [this] { refreshDetectors(); });
  connect(session_->selection(), &SampleSelection::changed, this, [this] {
    updateSelectionBars();
    histogram_->replot(QCustomPlot::rpQueuedReplot);
  });
  refreshDetectors();
}

void SpectralView::refreshDetectors() {
  {
    const QSignalBlocker block(detector_);
    detector_->clear();
    for (const auto& d : session_->detections())
      if (d->method == "spectral") detector_->addItem(QString::fromStdString(d->name));
    for (const auto& d : session_->detections())  // any detector's scores can be looked at
      if (d->method != "spectral") detector_->addItem(QString::fromStdString(d->name));
    // The user's choice, else spectral signatures.
    int at = detector_->findText(choice_.detector);
    if (at < 0) at = detector_->findText(QStringLiteral("spectral"));
    detector_->setCurrentIndex(std::max(0, at));
  }
  {
    const QSignalBlocker block(class_);
    class_->clear();
    class_->addItems(session_->classNames());
    // The user's choice, else the class the detector names as attacked.
    int cls = choice_.cls;
    if (auto d = session_->detection(detector_->currentText()); d && cls < 0)
      cls = int(
          figureOf(d->figures, "attacked_class", figureOf(d->figures, "most_separated_class", 0)));
    class_->setCurrentIndex(std::clamp(cls, 0, std::max(0, class_->count() - 1)));
  }
  rebuildOverview();
  rebuild();
}

void SpectralView::setDetector(const QString& name) {
  choice_.detector = name;
  const int at = detector_->findText(name);
  if (at >= 0) detector_->setCurrentIndex(at);
}

QString SpectralView::detector() const { return detector_->currentText(); }

void SpectralView::setClass(int cls) {
  choice_.cls = cls;
  if (cls >= 0 && cls < class_->count()) class_->setCurrentIndex(cls);
}

int SpectralView::currentClass() const { return class_->currentIndex(); }

void SpectralView::rebuildOverview() {
  overview_->clearPlottables();
  overview_->clearItems();
  auto d = session_->detection(detector_->currentText());
  const QStringList names = session_->classNames();
  if (!d || names.isEmpty()) {
    overview_->replot();
    return;
  }
  const bool spectral = d->method == "spectral";
  overview_->yAxis->setLabel(spectral ? tr("σ1 / σ2") : tr("flagged"));
  const int attacked = int(figureOf(d->figures, "attacked_class", -1));
  auto* bars = new QCPBars(overview_->xAxis, overview_->yAxis);
  auto* hot = new QCPBars(overview_->xAxis, overview_->yAxis);
  bars->setBrush(kBlue);
  bars->setPen(Qt::NoPen);
  hot->setBrush(kVermillion);
  hot->setPen(Qt::NoPen);
  QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
  double top = 0;
  for (const ClassSummary& c : d->classes) {
    const double v =
        spectral ? figureOf(c.figures, "singular_ratio", 0) : double(c.metrics.flagged);
    (c.cls == attacked ? hot : bars)->addData(c.cls, v);
    top = std::max(top, v);
    ticker->addTick(c.cls, c.cls < names.size() ? names[c.cls] : QString::number(c.cls));
    auto* text = new QCPItemText(overview_);
    text->position->setCoords(c.cls, v);
    text->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
    text->setText(QString::number(c.metrics.flagged));
    text->setFont(QFont(font().family(), 8));
    text->setClipToAxisRect(false);
  }
  overview_->xAxis->setTicker(ticker);
  overview_->xAxis->setTickLabelRotation(45);
  overview_->xAxis->setRange(-0.7, names.size() - 0.3);
  overview_->yAxis->setRange(spectral ? 0.9 : 0, top * 1.15 + 1e-9);
  overview_->replot();
  if (spectral && attacked >= 0 && attacked < names.size())
    overview_->setToolTip(tr("Numbers above the bars: flagged samples. Red: the class the "
                             "detector names as attacked (%1), by its scores' concentration.")
                              .arg(names[attacked]));
}

void SpectralView::rebuild() {
  indices_.clear();
  scores_.clear();
  poisoned_.clear();
  auto d = session_->detection(detector_->currentText());
  const int cls = class_->currentIndex();
  double cut = std::numeric_limits<double>::infinity();
  if (d) {
    for (std::size_t k = 0; k < d->indices.size(); ++k) {
      const int idx = static_cast<int>(d->indices[k]);
      if (d->labels[k] != cls || !session_->isShown(idx) || !std::isfinite(d->scores[k])) continue;
      indices_.push_back(idx);
      scores_.push_back(d->scores[k]);
      poisoned_.push_back(d->poisoned[k]);
      if (d->flagged[k]) cut = std::min(cut, d->scores[k]);
    }
  }
  if (!scores_.empty()) {
    const auto [mn, mx] = std::minmax_element(scores_.begin(), scores_.end());
    lo_ = *mn;
    hi_ = *mx > *mn ? *mx : *mn + 1;
  } else {
    lo_ = 0;
    hi_ = 1;
  }
  const double width = (hi_ - lo_) / kBins;
  QVector<double> keys(kBins), clean(kBins, 0), poison(kBins, 0);
  for (int b = 0; b < kBins; ++b) keys[b] = lo_ + (b + 0.5) * width;
  for (std::size_t k = 0; k < scores_.size(); ++k) {
    const int b = std::clamp(int((scores_[k] - lo_) / width), 0, kBins - 1);
    (poisoned_[k] ? poison : clean)[b] += 1;
  }
  cleanBars_->setWidth(width);
  poisonBars_->setWidth(width);
  selectedBars_->setWidth(width);
  cleanBars_->setData(keys, clean, true);
  poisonBars_->setData(keys, poison, true);
  histogram_->xAxis->setRange(lo_ - width, hi_ + width);
  double top = 1;
  for (int b = 0; b < kBins; ++b) top = std::max(top, clean[b] + poison[b]);
  histogram_->yAxis->setRange(0, top * 1.08);
  const std::size_t poisons =
      static_cast<std::size_t>(std::count(poisoned_.begin(), poisoned_.end(), std::uint8_t{1}));
  const QStringList names = session_->classNames();
  if (d && cls >= 0 && cls < names.size()) {
    const ClassSummary* c = nullptr;
    for (const auto& s : d->classes)
      if (s.cls == cls) c = &s;
    summary_->setText(
        tr("%1: %L2 samples shown, %L3 of them poisons (ground truth). σ1/σ2 %4 · detector's "
           "flagged %L5 · AUROC in class %6")
            .arg(names[cls])
            .arg(scores_.size())
            .arg(poisons)
            .arg(c ? QString::number(figureOf(c->figures, "singular_ratio", std::nan("")), 'f', 3)
                   : QStringLiteral("–"))
            .arg(c ? c->metrics.flagged : 0)
            .arg(c ? QString::number(c->metrics.auroc, 'f', 3) : QStringLiteral("–")));
  } else {
    summary_->setText(d ? tr("No samples of this class are shown.")
                        : tr("No detector results yet: run Spectral signatures in the "
                             "Detectors panel, or open a run that has them."));
  }
  updateSelectionBars();
  threshold_ = std::isfinite(cut) ? cut : hi_;
  updateThreshold();
}

void SpectralView::updateSelectionBars() {
  const double width = (hi_ - lo_) / kBins;
  QVector<double> keys(kBins), sel(kBins, 0);
  for (int b = 0; b < kBins; ++b) keys[b] = lo_ + (b + 0.5) * width;
  const SampleSelection* s = session_->selection();
  bool any = false;
  for (std::size_t k = 0; k < scores_.size(); ++k)
    if (s->contains(indices_[k])) {
      sel[std::clamp(int((scores_[k] - lo_) / width), 0, kBins - 1)] += 1;
      any = true;
    }
  selectedBars_->setData(keys, sel, true);
  selectedBars_->setVisible(any);
  if (auto* item = histogram_->legend->itemWithPlottable(selectedBars_)) item->setVisible(any);
}

void SpectralView::setThreshold(double t) {
  threshold_ = t;
  updateThreshold();
  emit thresholdChanged(t);
}

void SpectralView::updateThreshold() {
  QElapsedTimer clock;
  clock.start();
  atThreshold_ = metricsAtThreshold(scores_, poisoned_, threshold_);
  line_->point1->setCoords(threshold_, 0);
  line_->point2->setCoords(threshold_, 1);
  thresholdText_->setText(
      tr("Threshold %1: flagged %L2 of %L3 shown · precision %4 · recall %5 (against the ground "
         "truth, which the detector never sees)")
          .arg(threshold_, 0, 'g', 4)
          .arg(atThreshold_.flagged)
          .arg(scores_.size())
          .arg(percent(atThreshold_.precision), percent(atThreshold_.recall)));
  histogram_->replot(dragging_ ? QCustomPlot::rpImmediateRefresh : QCustomPlot::rpQueuedReplot);
  lastUpdateMs_ = clock.nsecsElapsed() / 1e6;
}

void SpectralView::selectAboveThreshold() {
  std::vector<int> picked;
  for (std::size_t k = 0; k < scores_.size(); ++k)
    if (scores_[k] >= threshold_) picked.push_back(indices_[k]);
  session_->selection()->select(std::move(picked));
}

void SpectralView::selectScoreRange(double lo, double hi, bool add) {
  std::vector<int> picked;
  for (std::size_t k = 0; k < scores_.size(); ++k)
    if (scores_[k] >= lo && scores_[k] < hi) picked.push_back(indices_[k]);
  session_->selection()->select(std::move(picked),
                                add ? SampleSelection::Mode::Add : SampleSelection::Mode::Replace);
}

bool SpectralView::eventFilter(QObject* watched, QEvent* event) {
  if (watched != histogram_) return QWidget::eventFilter(watched, event);
  auto* me = dynamic_cast<QMouseEvent*>(event);
  if (!me) return false;
  const double px = me->position().x();
  const double x = histogram_->xAxis->pixelToCoord(px);
  const bool nearLine = std::abs(histogram_->xAxis->coordToPixel(threshold_) - px) <= 6;
  switch (event->type()) {
    case QEvent::MouseButtonPress:
      if (me->button() != Qt::LeftButton) return false;
      if (nearLine) {
        dragging_ = true;
      } else {
        // A click on a bar selects its bin (Shift adds).
        const double width = (hi_ - lo_) / kBins;
        const int b = int(std::floor((x - lo_) / width));
        if (b >= 0 && b < kBins)
          selectScoreRange(lo_ + b * width, b == kBins - 1 ? hi_ + 1 : lo_ + (b + 1) * width,
                           me->modifiers() & Qt::ShiftModifier);
      }
      return true;
    case QEvent::MouseMove:
      if (dragging_) {
        setThreshold(std::clamp(x, lo_, hi_));
        return true;
      }
      histogram_->setCursor(nearLine ? Qt::SplitHCursor : Qt::CrossCursor);
      return false;
    case QEvent::MouseButtonRelease:
      if (!dragging_) return false;
      dragging_ = false;
      histogram_->replot();
      return true;
    default:
      return false;
  }
}

}  // namespace poisonlab::gui
