#include "views/spectral_view.h"

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
#include "plot/plot_export.h"
#include "plot/score_histogram.h"
#include "qcustomplot.h"
#include "state/session.h"
#include "state/ui_format.h"
#include "views/lazy_refresh.h"

namespace poisonlab::gui {

namespace {
QString percent(double v) { return uiPercent(v); }
}  // namespace

static_assert(SpectralView::kBins == ScoreHistogram::kBins);

SpectralView::~SpectralView() = default;

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

  hist_ = std::make_unique<ScoreHistogram>(this);
  histogram_ = hist_->plot();
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
  auto d = session_->detection(detector_->currentText());
  const int cls = class_->currentIndex();
  ClassScores shown = classScores(*session_, detector_->currentText(), cls);
  indices_ = std::move(shown.indices);
  scores_ = std::move(shown.scores);
  poisoned_ = std::move(shown.poisoned);
  const double cut = shown.flaggedFrom;
  hist_->setScores(scores_, poisoned_);
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
  threshold_ = std::isfinite(cut) ? cut : hist_->hi();
  updateThreshold();
}

void SpectralView::updateSelectionBars() {
  const SampleSelection* s = session_->selection();
  std::vector<double> selected;
  for (std::size_t k = 0; k < scores_.size(); ++k)
    if (s->contains(indices_[k])) selected.push_back(scores_[k]);
  hist_->setSelected(selected);
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
  hist_->setThreshold(threshold_);
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
        const double lo = hist_->lo(), hi = hist_->hi(), width = hist_->binWidth();
        const int b = int(std::floor((x - lo) / width));
        if (b >= 0 && b < kBins)
          selectScoreRange(lo + b * width, b == kBins - 1 ? hi + 1 : lo + (b + 1) * width,
                           me->modifiers() & Qt::ShiftModifier);
      }
      return true;
    case QEvent::MouseMove:
      if (dragging_) {
        setThreshold(std::clamp(x, hist_->lo(), hist_->hi()));
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
