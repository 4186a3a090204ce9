#include "ui_format.h"
#include "cluster_view.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <random>

#include "core/detect/detect.h"
#include "core/util/format.h"
#include "plot_export.h"
#include "plot_select.h"
#include "qcustomplot.h"
#include "fast_scatter.h"
#include "lazy_refresh.h"
#include "session.h"

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

ClusterView::ClusterView(Session* session, QWidget* parent) : QWidget(parent), session_(session) {
  setObjectName(QStringLiteral("clusterView"));
  detector_ = new QComboBox(this);
  detector_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  detector_->setObjectName(QStringLiteral("clusterDetector"));
  class_ = new QComboBox(this);
  class_->setObjectName(QStringLiteral("clusterClass"));
  colour_ = new QComboBox(this);
  colour_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  colour_->setObjectName(QStringLiteral("clusterColour"));
  tool_ = new QComboBox(this);
  tool_->setObjectName(QStringLiteral("clusterTool"));
  tool_->addItem(tr("Lasso"), int(Tool::Lasso));
  tool_->addItem(tr("Rectangle"), int(Tool::Rectangle));
  tool_->setToolTip(
      tr("Drag on the plot to select; Shift adds, Ctrl removes. The wheel zooms; "
         "the right button drags the view."));
  info_ = new QLabel(this);
  info_->setTextFormat(Qt::PlainText);  // plain: it may show the user's names and paths
  info_->setObjectName(QStringLiteral("clusterInfo"));
  info_->setWordWrap(true);
  info_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  plot_ = makePlot(this, QStringLiteral("clusterScatter"),
                   tr("Activations on their first two principal axes"), tr("PC 1"));
  plot_->yAxis->setLabel(tr("PC 2"));
  plot_->legend->setVisible(true);
  plot_->setInteractions(QCP::iRangeZoom);
  plot_->installEventFilter(this);
  plot_->setCursor(Qt::CrossCursor);

  auto* top = new QHBoxLayout;
  for (auto [label, box] : {std::pair{tr("Detector"), detector_},
                            {tr("Class"), class_},
                            {tr("Colour by"), colour_},
                            {tr("Tool"), tool_}}) {
    top->addWidget(new QLabel(label, this));
    top->addWidget(box);
  }
  top->addStretch(1);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(top);
  layout->addWidget(plot_, 1);
  layout->addWidget(info_);

  choice_.follow(this, detector_, class_, session_);
  connect(detector_, &QComboBox::currentIndexChanged, this, &ClusterView::rebuild);
  connect(class_, &QComboBox::currentIndexChanged, this, &ClusterView::rebuild);
  connect(colour_, &QComboBox::currentIndexChanged, this, &ClusterView::recolour);
  refreshOnResults(this, session_, [this] { refreshDetectors(); });
  connect(session_->selection(), &SampleSelection::changed, this, [this] {
    updateSelection();
    plot_->replot(QCustomPlot::rpQueuedReplot);
  });
  refreshDetectors();
}

void ClusterView::refreshDetectors() {
  const QString keepColour = colour_->currentText();
  {
    const QSignalBlocker b1(detector_), b2(class_), b3(colour_);
    detector_->clear();
    colour_->clear();
    colour_->addItem(tr("cluster"), QString());
    colour_->addItem(tr("ground truth"), QString());
    for (const auto& d : session_->detections()) {
      if (column(*d, "x") && column(*d, "y")) detector_->addItem(QString::fromStdString(d->name));
      colour_->addItem(tr("score: %1").arg(QString::fromStdString(d->name)),
                       QString::fromStdString(d->name));
    }
    int at = detector_->findText(choice_.detector);
    if (at < 0) at = detector_->findText(QStringLiteral("activation-clustering"));
    detector_->setCurrentIndex(std::max(0, at));
    colour_->setCurrentIndex(std::max(0, colour_->findText(keepColour)));
    class_->clear();
    class_->addItems(session_->classNames());
    int cls = choice_.cls;
    if (auto d = session_->detection(detector_->currentText()); d && cls < 0)
      cls = int(figureOf(d->figures, "reclassified_attacked_class",
                         figureOf(d->figures, "most_separated_class", 0)));
    class_->setCurrentIndex(std::clamp(cls, 0, std::max(0, class_->count() - 1)));
  }
  rebuild();
}

void ClusterView::setDetector(const QString& name) {
  choice_.detector = name;
  const int at = detector_->findText(name);
  if (at >= 0) detector_->setCurrentIndex(at);
}

void ClusterView::setClass(int cls) {
  choice_.cls = cls;
  if (cls >= 0 && cls < class_->count()) class_->setCurrentIndex(cls);
}

int ClusterView::currentClass() const { return class_->currentIndex(); }

void ClusterView::setColouring(Colour c, const QString& scoreDetector) {
  if (c == Colour::Score)
    colour_->setCurrentIndex(std::max(0, colour_->findData(scoreDetector)));
  else
    colour_->setCurrentIndex(c == Colour::Cluster ? 0 : 1);
  recolour();
}

void ClusterView::setTool(Tool t) { tool_->setCurrentIndex(t == Tool::Lasso ? 0 : 1); }

void ClusterView::rebuild() {
  indices_.clear();
  xs_.clear();
  ys_.clear();
  cluster_.clear();
  poisoned_.clear();
  auto d = session_->detection(detector_->currentText());
  const int cls = class_->currentIndex();
  if (d) {
    const auto* x = column(*d, "x");
    const auto* y = column(*d, "y");
    const auto* c = column(*d, "cluster");
    for (std::size_t k = 0; x && y && k < d->indices.size(); ++k) {
      const int idx = static_cast<int>(d->indices[k]);
      if (d->labels[k] != cls || !session_->isShown(idx)) continue;
      indices_.push_back(idx);
      xs_.push_back((*x)[k]);
      ys_.push_back((*y)[k]);
      cluster_.push_back(c ? int((*c)[k]) : 0);
      poisoned_.push_back(d->poisoned[k]);
    }
  }
  recolour();
  if (!xs_.empty()) {
    const auto [x0, x1] = std::minmax_element(xs_.begin(), xs_.end());
    const auto [y0, y1] = std::minmax_element(ys_.begin(), ys_.end());
    const double mx = (*x1 - *x0) * 0.05 + 1e-9, my = (*y1 - *y0) * 0.05 + 1e-9;
    plot_->xAxis->setRange(*x0 - mx, *x1 + mx);
    plot_->yAxis->setRange(*y0 - my, *y1 + my);
  }
  info_->setText(verdictText());
  plot_->replot();
}

void ClusterView::recolour() {
  QElapsedTimer clock;
  clock.start();
  plot_->clearPlottables();  // the point groups, the selection rings and the lasso
  lasso_ = nullptr;
  const QString scoreOf = colour_->currentData().toString();
  const int mode = colour_->currentIndex();
  // Points are grouped by colour: a legend entry and one stamping pass each.
  std::vector<std::vector<int>> groups;
  QStringList names;
  QList<QColor> colours;
  if (mode == 0) {
    groups.resize(2);
    for (std::size_t k = 0; k < xs_.size(); ++k)
      groups[std::clamp(cluster_[k], 0, 1)].push_back(int(k));
    names = {tr("cluster 0"), tr("cluster 1")};
    colours = {kBlue, kOrange};
  } else if (mode == 1 || scoreOf.isEmpty()) {
    groups.resize(2);
    for (std::size_t k = 0; k < xs_.size(); ++k) groups[poisoned_[k] ? 1 : 0].push_back(int(k));
    names = {tr("clean"), tr("poisoned (ground truth)")};
    colours = {kBlue, kVermillion};
  } else {
    const std::vector<double> all = session_->scoreColumn(scoreOf);
    std::vector<double> s(xs_.size(), std::nan(""));
    double lo = INFINITY, hi = -INFINITY;
    for (std::size_t k = 0; k < xs_.size(); ++k) {
      s[k] = all.at(static_cast<std::size_t>(indices_[k]));
      if (std::isfinite(s[k])) {
        lo = std::min(lo, s[k]);
        hi = std::max(hi, s[k]);
      }
    }
    groups.resize(kScoreBands);
    for (std::size_t k = 0; k < xs_.size(); ++k) {
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
    auto* group = new FastScatter(plot_->xAxis, plot_->yAxis);
    std::vector<double> x, y;
    x.reserve(groups[g].size());
    y.reserve(groups[g].size());
    for (int k : groups[g]) {
      x.push_back(xs_[std::size_t(k)]);
      y.push_back(ys_[std::size_t(k)]);
    }
    group->setPoints(std::move(x), std::move(y));
    group->setColour(colours[int(g)]);
    group->setShape(FastScatter::Shape::Disc, 2);
    group->setName(names.value(int(g)));
    if (names.value(int(g)).isEmpty()) group->removeFromLegend();
  }
  selected_ = new FastScatter(plot_->xAxis, plot_->yAxis);
  selected_->setName(tr("selected"));
  selected_->setColour(Qt::black);
  selected_->setShape(FastScatter::Shape::Ring, 4);
  plot_->clearItems();
  updateSelection();
  plot_->replot(QCustomPlot::rpImmediateRefresh);
  lastRedrawMs_ = clock.nsecsElapsed() / 1e6;
}

void ClusterView::updateSelection() {
  if (!selected_) return;
  std::vector<double> x, y;
  const SampleSelection* s = session_->selection();
  for (std::size_t k = 0; k < xs_.size(); ++k)
    if (s->contains(indices_[k])) {
      x.push_back(xs_[k]);
      y.push_back(ys_[k]);
    }
  // Its legend entry only while something here is selected (a report never has a selection).
  if (auto* item = plot_->legend->itemWithPlottable(selected_)) item->setVisible(!x.empty());
  selected_->setPoints(std::move(x), std::move(y));
  info_->setText(verdictText());
}

QString ClusterView::verdictText() const {
  auto d = session_->detection(detector_->currentText());
  const int cls = class_->currentIndex();
  const QStringList names = session_->classNames();
  if (!d) return tr("No clustering result: run Activation clustering in the Detectors panel.");
  const ClassSummary* c = nullptr;
  for (const auto& s : d->classes)
    if (s.cls == cls) c = &s;
  int selectedHere = 0;
  for (int idx : indices_) selectedHere += session_->selection()->contains(idx);
  QString text = tr("%L1 points shown · %L2 selected here / %L3 selected in all")
                     .arg(indices_.size())
                     .arg(selectedHere)
                     .arg(session_->selection()->size());
  if (!c) return text;
  text += tr(" · silhouette %1 · cluster sizes %L2 / %L3 · flagged %L4")
              .arg(figureOf(c->figures, "silhouette", std::nan("")), 0, 'f', 3)
              .arg(figureOf(c->figures, "cluster0_size", 0))
              .arg(figureOf(c->figures, "cluster1_size", 0))
              .arg(c->metrics.flagged);
  const double poison = figureOf(c->figures, "reclassified_poison", -1);
  if (poison >= 0) {
    const int other = int(figureOf(c->figures, "reclassified_other_class", -1));
    const double frac = figureOf(c->figures, "reclassified_other_fraction", 0);
    text += QStringLiteral("\n") +
            (poison > 0 ? tr("Exclusionary reclassification: POISON. Retrained without the "
                             "smaller cluster, %1 of it is classified as %2.")
                        : tr("Exclusionary reclassification: clean. Retrained without the "
                             "smaller cluster, it mostly stays in its own class (%1 went to %2)."))
                .arg(uiPercent(frac))
                .arg(other >= 0 && other < names.size() ? names[other] : tr("another class"));
  } else {
    text += tr("\nNo exclusionary reclassification in this result (run with Reclassify).");
  }
  return text;
}

void ClusterView::selectPolygon(const QPolygonF& polygon, bool add, bool remove) {
  std::vector<int> picked;
  for (int k : pointsInPolygon(xs_, ys_, polygon)) picked.push_back(indices_[std::size_t(k)]);
  session_->selection()->select(std::move(picked), remove ? SampleSelection::Mode::Remove
                                                   : add  ? SampleSelection::Mode::Add
                                                          : SampleSelection::Mode::Replace);
}

bool ClusterView::eventFilter(QObject* watched, QEvent* event) {
  if (watched != plot_) return QWidget::eventFilter(watched, event);
  auto* me = dynamic_cast<QMouseEvent*>(event);
  if (!me) return false;
  const QPointF at(plot_->xAxis->pixelToCoord(me->position().x()),
                   plot_->yAxis->pixelToCoord(me->position().y()));
  const bool rect = tool_->currentData().toInt() == int(Tool::Rectangle);
  switch (event->type()) {
    case QEvent::MouseButtonPress:
      if (me->button() == Qt::RightButton) {
        plot_->setInteraction(QCP::iRangeDrag, true);
        return false;
      }
      if (me->button() != Qt::LeftButton) return false;
      plot_->setInteraction(QCP::iRangeDrag, false);
      drawing_ = QPolygonF{at};
      drawingActive_ = true;
      if (!lasso_) {
        lasso_ = new QCPCurve(plot_->xAxis, plot_->yAxis);
        lasso_->setPen(QPen(Qt::black, 1, Qt::DashLine));
        lasso_->setBrush(QColor(0, 0, 0, 25));
        lasso_->removeFromLegend();
      }
      return true;
    case QEvent::MouseMove: {
      if (!drawingActive_) return false;
      if (rect)
        drawing_ = QPolygonF(QRectF(drawing_.front(), at));
      else
        drawing_ << at;
      QVector<double> x, y;
      for (const QPointF& p : drawing_) {
        x << p.x();
        y << p.y();
      }
      if (!drawing_.isEmpty()) {
        x << drawing_.front().x();
        y << drawing_.front().y();
      }
      lasso_->setData(x, y);
      plot_->replot(QCustomPlot::rpQueuedReplot);
      return true;
    }
    case QEvent::MouseButtonRelease:
      if (!drawingActive_ || me->button() != Qt::LeftButton) return false;
      drawingActive_ = false;
      if (lasso_) lasso_->data()->clear();
      selectPolygon(drawing_, me->modifiers() & Qt::ShiftModifier,
                    me->modifiers() & Qt::ControlModifier);
      plot_->replot(QCustomPlot::rpQueuedReplot);
      return true;
    default:
      return false;
  }
}

void ClusterView::showSyntheticPoints(int n, unsigned seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> g;
  indices_.resize(std::size_t(n));
  xs_.resize(std::size_t(n));
  ys_.resize(std::size_t(n));
  cluster_.resize(std::size_t(n));
  poisoned_.resize(std::size_t(n));
  for (int k = 0; k < n; ++k) {
    const bool poison = k % 10 == 0;
    indices_[std::size_t(k)] = k;
    xs_[std::size_t(k)] = g(rng) + (poison ? 4 : 0);
    ys_[std::size_t(k)] = g(rng);
    cluster_[std::size_t(k)] = poison;
    poisoned_[std::size_t(k)] = poison;
  }
  plot_->xAxis->setRange(-4.5, 8.5);
  plot_->yAxis->setRange(-4.5, 4.5);
  recolour();
}

}  // namespace poisonlab::gui
