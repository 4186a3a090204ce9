#include "views/cluster_view.h"

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
#include "plot/fast_scatter.h"
#include "plot/plot_export.h"
#include "plot/plot_select.h"
#include "qcustomplot.h"
#include "state/session.h"
#include "state/ui_format.h"
#include "views/lazy_refresh.h"

namespace poisonlab::gui {

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
  plot_ = ClusterPlot::make(this);
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
      if (hasProjection(*d)) detector_->addItem(QString::fromStdString(d->name));
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
  points_ = clusterPoints(*session_, detector_->currentText(), class_->currentIndex());
  recolour();
  ClusterPlot::fit(plot_, points_);
  info_->setText(verdictText());
  plot_->replot();
}

void ClusterView::recolour() {
  QElapsedTimer clock;
  clock.start();
  lasso_ = nullptr;  // drawing clears every plottable, the lasso's too
  const QString scoreOf = colour_->currentData().toString();
  const int mode = colour_->currentIndex();
  const Colour colour = mode == 0                        ? Colour::Cluster
                        : mode == 1 || scoreOf.isEmpty() ? Colour::GroundTruth
                                                         : Colour::Score;
  selected_ = ClusterPlot::draw(plot_, *session_, points_, colour, scoreOf);
  updateSelection();
  plot_->replot(QCustomPlot::rpImmediateRefresh);
  lastRedrawMs_ = clock.nsecsElapsed() / 1e6;
}

void ClusterView::updateSelection() {
  if (!selected_) return;
  std::vector<double> x, y;
  const SampleSelection* s = session_->selection();
  for (std::size_t k = 0; k < points_.xs.size(); ++k)
    if (s->contains(points_.indices[k])) {
      x.push_back(points_.xs[k]);
      y.push_back(points_.ys[k]);
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
  for (int idx : points_.indices) selectedHere += session_->selection()->contains(idx);
  QString text = tr("%L1 points shown · %L2 selected here / %L3 selected in all")
                     .arg(points_.indices.size())
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
  for (int k : pointsInPolygon(points_.xs, points_.ys, polygon))
    picked.push_back(points_.indices[std::size_t(k)]);
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
  points_.indices.resize(std::size_t(n));
  points_.xs.resize(std::size_t(n));
  points_.ys.resize(std::size_t(n));
  points_.cluster.resize(std::size_t(n));
  points_.poisoned.resize(std::size_t(n));
  for (int k = 0; k < n; ++k) {
    const bool poison = k % 10 == 0;
    points_.indices[std::size_t(k)] = k;
    points_.xs[std::size_t(k)] = g(rng) + (poison ? 4 : 0);
    points_.ys[std::size_t(k)] = g(rng);
    points_.cluster[std::size_t(k)] = poison;
    points_.poisoned[std::size_t(k)] = poison;
  }
  plot_->xAxis->setRange(-4.5, 8.5);
  plot_->yAxis->setRange(-4.5, 4.5);
  recolour();
}

}  // namespace poisonlab::gui
