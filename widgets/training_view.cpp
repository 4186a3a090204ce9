#include "ui_format.h"
#include "training_view.h"

#include <QGridLayout>
#include <cmath>
#include <QHBoxLayout>
#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

#include "plot_export.h"
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

QLabel* bigNumber(QWidget* parent, const QString& name) {
  auto* l = new QLabel(QStringLiteral("–"), parent);
  l->setObjectName(name);
  QFont f = l->font();
  f.setPointSizeF(f.pointSizeF() * 2.2);
  f.setBold(true);
  l->setFont(f);
  return l;
}

QString percent(double f) { return uiPercent(f); }

QString duration(double seconds) {
  const int s = static_cast<int>(seconds + 0.5);
  return s >= 3600 ? QStringLiteral("%1:%2:%3")
                         .arg(s / 3600)
                         .arg(s / 60 % 60, 2, 10, QLatin1Char('0'))
                         .arg(s % 60, 2, 10, QLatin1Char('0'))
                   : QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

}  // namespace

TrainingView::TrainingView(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("trainingView"));
  clean_ = bigNumber(this, QStringLiteral("cleanAccuracy"));
  asr_ = bigNumber(this, QStringLiteral("attackSuccessRate"));
  time_ = bigNumber(this, QStringLiteral("trainingTime"));
  asrMirrored_ = new QLabel(this);
  asrMirrored_->setTextFormat(Qt::PlainText);  // plain: it may show the user's names and paths
  asrMirrored_->setObjectName(QStringLiteral("attackSuccessRateMirrored"));
  asrMirrored_->setToolTip(
      tr("The same with the trigger mirrored left-right (column 31 - c): a recipe that flips "
         "images trains on both orientations, so the backdoor may answer to both"));
  detail_ = new QLabel(this);
  detail_->setTextFormat(Qt::PlainText);  // plain: it may show the user's names and paths
  detail_->setObjectName(QStringLiteral("trainingDetail"));
  detail_->setWordWrap(true);
  detail_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  clean_->setToolTip(tr("Accuracy on the clean test set"));
  asr_->setToolTip(
      tr("Attack success rate: triggered source-class test images classified as the target"));
  auto* numbers = new QGridLayout;
  numbers->addWidget(new QLabel(tr("Clean accuracy"), this), 0, 0);
  numbers->addWidget(clean_, 1, 0);
  numbers->addWidget(new QLabel(tr("Attack success rate"), this), 2, 0);
  numbers->addWidget(asr_, 3, 0);
  numbers->addWidget(asrMirrored_, 4, 0);
  numbers->addWidget(new QLabel(tr("Training time"), this), 5, 0);
  numbers->addWidget(time_, 6, 0);
  numbers->addWidget(detail_, 7, 0);
  numbers->setRowStretch(8, 1);

  tabs_ = new QTabWidget(this);
  tabs_->setObjectName(QStringLiteral("trainingTabs"));
  auto* curves = new QWidget(tabs_);
  loss_ = epochPlot(curves, QStringLiteral("lossPlot"), tr("Loss and learning rate"));
  loss_->yAxis->setLabel(tr("training loss"));
  loss_->yAxis2->setVisible(true);
  loss_->yAxis2->setLabel(tr("learning rate"));
  addLine(loss_, tr("loss (per epoch)"), kBlue, true);
  addLine(loss_, tr("loss (live)"), kGrey, false)->setPen(QPen(kGrey, 1));
  addLine(loss_, tr("learning rate"), kOrange, true, loss_->yAxis2);
  accuracy_ = epochPlot(curves, QStringLiteral("accuracyPlot"), tr("Accuracy and attack success"));
  accuracy_->yAxis->setLabel(QStringLiteral("%"));
  accuracy_->yAxis->setRange(0, 100);
  addLine(accuracy_, tr("train accuracy"), kBlue, true);
  addLine(accuracy_, tr("clean test accuracy"), kGreen, true);
  addLine(accuracy_, tr("attack success rate"), kVermillion, true);
  addLine(accuracy_, tr("poisons fitted"), kPurple, true)->setPen(QPen(kPurple, 2, Qt::DashLine));
  addLine(accuracy_, tr("ASR, mirrored trigger"), kVermillion, true)
      ->setPen(QPen(kVermillion, 1.5, Qt::DotLine));
  speed_ = epochPlot(curves, QStringLiteral("speedPlot"), tr("Throughput"));
  speed_->yAxis->setLabel(tr("images/s"));
  addLine(speed_, tr("images/s"), kBlue, true);
  // Legends below the axes, in rows, so they never cover the last epoch's points.
  for (QCustomPlot* p : {loss_, accuracy_}) legendBelow(p);
  auto* cl = new QHBoxLayout(curves);
  cl->setContentsMargins(0, 0, 0, 0);
  cl->addWidget(loss_);
  cl->addWidget(accuracy_);
  cl->addWidget(speed_);
  tabs_->addTab(curves, tr("Curves"));

  auto* confusion = new QWidget(tabs_);
  confClean_ = makePlot(confusion, QStringLiteral("confusionClean"), tr("Clean test set"));
  confTrig_ = makePlot(confusion, QStringLiteral("confusionTriggered"),
                       tr("Every test image with the trigger"));
  // Heat maps keep square cells whatever the dock's shape; the percentages show where a cell
  // is large enough to read them.
  for (QCustomPlot* p : {confClean_, confTrig_}) {
    connect(p, &QCustomPlot::afterLayout, p, [p] {
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
  auto* ql = new QHBoxLayout(confusion);
  ql->setContentsMargins(0, 0, 0, 0);
  ql->addWidget(confClean_);
  ql->addWidget(confTrig_);
  tabs_->addTab(confusion, tr("Confusion matrices"));

  auto* layout = new QHBoxLayout(this);
  layout->addLayout(numbers);
  layout->addWidget(tabs_, 1);
  clear();
}

void TrainingView::clear() {
  for (QCustomPlot* p : {loss_, accuracy_, speed_})
    for (int g = 0; g < p->graphCount(); ++g) p->graph(g)->data()->clear();
  for (QCustomPlot* p : {confClean_, confTrig_}) {
    p->clearPlottables();
    p->clearItems();
    p->replot();
  }
  clean_->setText(QStringLiteral("–"));
  asr_->setText(QStringLiteral("–"));
  asrMirrored_->clear();
  time_->setText(QStringLiteral("–"));
  detail_->setText(tr("No model trained yet."));
  epochs_ = 0;
  rescale();
}

void TrainingView::start(const QStringList& classNames, int epochs) {
  clear();
  classNames_ = classNames;
  epochs_ = epochs;
  detail_->setText(tr("Starting…"));
  tabs_->setCurrentIndex(0);
  rescale();
}

void TrainingView::addBatchLoss(double x, double loss) {
  loss_->graph(1)->addData(x, loss);
  rescale();
}

void TrainingView::setLive(const BatchStats& s, double elapsedSeconds) {
  time_->setText(duration(elapsedSeconds));
  detail_->setText(tr("Epoch %1 of %2, batch %3 of %4\n%L5 images/s · learning rate %6")
                       .arg(s.epoch)
                       .arg(epochs_)
                       .arg(s.batch)
                       .arg(s.batches)
                       .arg(s.imagesPerSecond, 0, 'f', 0)
                       .arg(s.lr, 0, 'g', 3));
}

void TrainingView::addEpoch(const EpochStats& e) {
  loss_->graph(0)->addData(e.epoch, e.trainLoss);
  loss_->graph(2)->addData(e.epoch, e.lr);
  accuracy_->graph(0)->addData(e.epoch, 100 * e.trainAcc);
  accuracy_->graph(1)->addData(e.epoch, 100 * e.cleanAcc);
  accuracy_->graph(2)->addData(e.epoch, 100 * e.asr);
  accuracy_->graph(3)->addData(e.epoch, 100 * e.poisonFit);
  if (!std::isnan(e.asrMirrored)) accuracy_->graph(4)->addData(e.epoch, 100 * e.asrMirrored);
  speed_->graph(0)->addData(e.epoch, e.imagesPerSecond);
  setHeadline(e.cleanAcc, e.asr, e.asrMirrored, e.elapsed, false);
  detail_->setText(tr("After epoch %1 of %2: loss %3, %L4 images/s")
                       .arg(e.epoch)
                       .arg(epochs_)
                       .arg(e.trainLoss, 0, 'f', 3)
                       .arg(e.imagesPerSecond, 0, 'f', 0));
  rescale();
}

int TrainingView::epochPoints() const { return accuracy_->graph(1)->dataCount(); }

void TrainingView::finish(const TrainResult& r) {
  setHeadline(r.final.cleanAcc, r.final.asr, r.final.asrMirrored, r.wallSeconds, true);
  detail_->setText(tr("Finished: %1 epochs on %L2 images, %3, %4 threads%5\n"
                      "Poisons fitted: %6")
                       .arg(r.history.size())
                       .arg(r.trainImages)
                       .arg(QString::fromStdString(r.precisionUsed))
                       .arg(r.threads)
                       .arg(r.resumedFromEpoch
                                ? tr(", resumed after epoch %1").arg(r.resumedFromEpoch)
                                : QString())
                       .arg(percent(r.final.poisonFit)));
  showConfusion(confClean_, r.final.confusion,
                tr("Clean test set: true class (rows) → predicted (%)"));
  showConfusion(confTrig_, r.final.confusionTriggered,
                tr("Every test image with the trigger: true class → predicted (%)"));
}

void TrainingView::showResult(const QStringList& classNames, const TrainResult& r) {
  start(classNames, static_cast<int>(r.history.size()));
  for (const EpochStats& e : r.history) addEpoch(e);
  finish(r);
}

void TrainingView::setHeadline(double cleanAcc, double asr, double asrMirrored, double seconds,
                               bool final) {
  clean_->setText(percent(cleanAcc));
  asr_->setText(percent(asr));
  asrMirrored_->setText(
      tr("mirrored trigger: %1").arg(std::isnan(asrMirrored) ? tr("n/a") : percent(asrMirrored)));
  time_->setText(duration(seconds));
  const QString colour = final ? QString() : QStringLiteral("color: palette(mid);");
  for (QLabel* l : {clean_, asr_, time_}) l->setStyleSheet(colour);
}

void TrainingView::showConfusion(QCustomPlot* plot, const std::vector<std::vector<int>>& counts,
                                 const QString& title) {
  drawConfusion(plot, counts, classNames_, title);
}

void TrainingView::rescale() {
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
