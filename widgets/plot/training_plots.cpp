#include "plot/training_plots.h"

#include <QObject>

#include <algorithm>
#include <cmath>

#include "plot/plot_export.h"
#include "qcustomplot.h"

namespace poisonlab::gui {
namespace {

QCustomPlot* epochPlot(QWidget* parent, const QString& name, const QString& title) {
  return makePlot(parent, name, title, QObject::tr("epoch"));
}

QCPGraph* addLine(QCustomPlot* p, const QString& name, const QColor& colour, bool dots,
                  QCPAxis* valueAxis = nullptr) {
  QCPGraph* g = p->addGraph(p->xAxis, valueAxis ? valueAxis : p->yAxis);
  g->setName(name);
  g->setPen(QPen(colour, 2));
  if (dots) g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, colour, colour, 5));
  return g;
}

}  // namespace

TrainingPlots::TrainingPlots(QWidget* parent) {
  loss_ = epochPlot(parent, QStringLiteral("lossPlot"), tr("Loss and learning rate"));
  loss_->yAxis->setLabel(tr("training loss"));
  loss_->yAxis2->setVisible(true);
  loss_->yAxis2->setLabel(tr("learning rate"));
  addLine(loss_, tr("loss (per epoch)"), kBlue, true);
  addLine(loss_, tr("loss (live)"), kGrey, false)->setPen(QPen(kGrey, 1));
  addLine(loss_, tr("learning rate"), kOrange, true, loss_->yAxis2);
  accuracy_ = epochPlot(parent, QStringLiteral("accuracyPlot"), tr("Accuracy and attack success"));
  accuracy_->yAxis->setLabel(QStringLiteral("%"));
  accuracy_->yAxis->setRange(0, 100);
  addLine(accuracy_, tr("train accuracy"), kBlue, true);
  addLine(accuracy_, tr("clean test accuracy"), kGreen, true);
  addLine(accuracy_, tr("attack success rate"), kVermillion, true);
  addLine(accuracy_, tr("poisons fitted"), kPurple, true)->setPen(QPen(kPurple, 2, Qt::DashLine));
  addLine(accuracy_, tr("ASR, mirrored trigger"), kVermillion, true)
      ->setPen(QPen(kVermillion, 1.5, Qt::DotLine));
  speed_ = epochPlot(parent, QStringLiteral("speedPlot"), tr("Throughput"));
  speed_->yAxis->setLabel(tr("images/s"));
  addLine(speed_, tr("images/s"), kBlue, true);
  // Legends below the axes, in rows, so they never cover the last epoch's points.
  for (QCustomPlot* p : {loss_, accuracy_}) legendBelow(p);

  confClean_ = makePlot(parent, QStringLiteral("confusionClean"), tr("Clean test set"));
  confTrig_ = makePlot(parent, QStringLiteral("confusionTriggered"),
                       tr("Every test image with the trigger"));
  // Heat maps keep square cells whatever the plot's shape; the percentages show where a cell
  // is large enough to read them.
  for (QCustomPlot* p : {confClean_, confTrig_}) {
    QObject::connect(p, &QCustomPlot::afterLayout, p, [p] {
      const int n =
          p->plottableCount()
              ? static_cast<int>(p->xAxis->ticker().staticCast<QCPAxisTickerText>()->ticks().size())
              : 0;
      if (n == 0) return;
      const QRect r = p->axisRect()->rect();
      const double cell = std::min(r.width(), r.height()) / double(n);
      const double half = 0.5 * n;
      p->xAxis->setRange(half - 0.5 - half * r.width() / cell / n,
                         half - 0.5 + half * r.width() / cell / n);
      p->yAxis->setRange(half - 0.5 - half * r.height() / cell / n,
                         half - 0.5 + half * r.height() / cell / n);
      for (int i = 0; i < p->itemCount(); ++i) p->item(i)->setVisible(cell >= 18);
    });
  }
}

void TrainingPlots::clear() {
  for (QCustomPlot* p : {loss_, accuracy_, speed_})
    for (int g = 0; g < p->graphCount(); ++g) p->graph(g)->data()->clear();
  for (QCustomPlot* p : {confClean_, confTrig_}) {
    p->clearPlottables();
    p->clearItems();
    p->replot();
  }
  epochs_ = 0;
  rescale();
}

void TrainingPlots::start(const QStringList& classNames, int epochs) {
  clear();
  classNames_ = classNames;
  epochs_ = epochs;
  rescale();
}

void TrainingPlots::addBatchLoss(double x, double loss) {
  loss_->graph(1)->addData(x, loss);
  rescale();
}

void TrainingPlots::addEpoch(const EpochStats& e) {
  loss_->graph(0)->addData(e.epoch, e.trainLoss);
  loss_->graph(2)->addData(e.epoch, e.lr);
  accuracy_->graph(0)->addData(e.epoch, 100 * e.trainAcc);
  accuracy_->graph(1)->addData(e.epoch, 100 * e.cleanAcc);
  accuracy_->graph(2)->addData(e.epoch, 100 * e.asr);
  accuracy_->graph(3)->addData(e.epoch, 100 * e.poisonFit);
  if (!std::isnan(e.asrMirrored)) accuracy_->graph(4)->addData(e.epoch, 100 * e.asrMirrored);
  speed_->graph(0)->addData(e.epoch, e.imagesPerSecond);
  rescale();
}

int TrainingPlots::epochPoints() const { return accuracy_->graph(1)->dataCount(); }

void TrainingPlots::finish(const TrainResult& r) {
  drawConfusion(confClean_, r.final.confusion, classNames_,
                tr("Clean test set: true class (rows) → predicted (%)"));
  drawConfusion(confTrig_, r.final.confusionTriggered, classNames_,
                tr("Every test image with the trigger: true class → predicted (%)"));
}

void TrainingPlots::showResult(const QStringList& classNames, const TrainResult& r) {
  start(classNames, static_cast<int>(r.history.size()));
  for (const EpochStats& e : r.history) addEpoch(e);
  finish(r);
}

void TrainingPlots::rescale() {
  const double right = std::max(1, epochs_) + 0.2;
  for (QCustomPlot* p : {loss_, accuracy_, speed_}) {
    p->xAxis->setRange(0, right);
    if (p != accuracy_) p->yAxis->rescale();
    if (p == loss_) {
      loss_->yAxis->setRangeLower(0);
      loss_->yAxis2->rescale();
      loss_->yAxis2->setRangeLower(0);
    }
    if (p == speed_) speed_->yAxis->setRangeLower(0);
    p->replot(QCustomPlot::rpQueuedReplot);
  }
}

}  // namespace poisonlab::gui
