#include "views/sample_inspector.h"

#include <QComboBox>
#include <cmath>

#include <QAbstractProxyModel>
#include <QCheckBox>
#include <QKeyEvent>
#include <QGridLayout>
#include <QLabel>
#include <QModelIndex>
#include <QPainter>

#include "plot/plot_export.h"
#include "qcustomplot.h"
#include "state/sample_image.h"
#include "core/render/image_render.h"
#include "state/sample_model.h"

namespace poisonlab::gui {

SampleInspector::SampleInspector(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("sampleInspector"));
  modelView_ = new PixelView(this);
  cleanView_ = new PixelView(this);
  modelView_->setObjectName(QStringLiteral("modelView"));
  saliencyView_ = new PixelView(this);
  saliencyView_->setObjectName(QStringLiteral("saliencyView"));
  saliency_ = new QComboBox(this);
  saliency_->setObjectName(QStringLiteral("saliencyMethod"));
  saliency_->addItem(tr("Saliency: off"), -1);
  saliency_->addItem(tr("Saliency: gradient"), int(SaliencyMethod::Gradient));
  saliency_->addItem(tr("Saliency: Grad-CAM"), int(SaliencyMethod::GradCam));
  saliency_->setToolTip(
      tr("Where the current model version looks: |d logit / d pixel| or "
         "Grad-CAM on the last stage, for the predicted class"));
  saliencyText_ = new QLabel(this);
  saliencyText_->setTextFormat(Qt::PlainText);  // plain: it may show the user's names and paths
  saliencyText_->setObjectName(QStringLiteral("saliencyText"));
  saliencyText_->setWordWrap(true);
  scores_ = new QLabel(this);
  scores_->setObjectName(QStringLiteral("detectorScores"));
  scores_->setTextFormat(Qt::RichText);
  scores_->setWordWrap(true);
  connect(saliency_, &QComboBox::currentIndexChanged, this, [this] {
    saliencyView_->setImage({});
    saliencyText_->clear();
    const int m = saliencyMethod();
    saliencyView_->setVisible(m >= 0);
    if (m >= 0 && index_ >= 0) emit saliencyRequested(index_, m, split_);
  });
  saliencyView_->setVisible(false);
  cleanView_->setObjectName(QStringLiteral("cleanView"));
  title_ = new QLabel(tr("No sample selected"), this);
  title_->setTextFormat(Qt::PlainText);  // plain: it may show the user's names and paths
  QFont f = title_->font();
  f.setBold(true);
  f.setPointSizeF(f.pointSizeF() * 1.2);
  title_->setFont(f);
  details_ = new QLabel(this);
  details_->setTextFormat(Qt::PlainText);  // plain: it may show the user's names and paths
  details_->setObjectName(QStringLiteral("details"));
  details_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  details_->setWordWrap(true);
  overlay_ = new QCheckBox(tr("Show trigger location"), this);
  overlay_->setObjectName(QStringLiteral("triggerOverlay"));
  overlay_->setChecked(true);
  connect(overlay_, &QCheckBox::toggled, this, [this] { refreshMarks(); });
  setFocusPolicy(Qt::StrongFocus);

  chart_ = new QCustomPlot(this);
  chart_->setObjectName(QStringLiteral("probabilityChart"));
  chart_->setMinimumHeight(150);
  chart_->plotLayout()->insertRow(0);
  chart_->plotLayout()->addElement(
      0, 0,
      // Two lines: one line was wider than the Inspector's dock, and a plot cannot be narrower
      // than its title, so the whole inspector was clipped on the right.
      new QCPTextElement(chart_, tr("Class probabilities\ngreen: true class, red: training label"),
                         QFont()));
  chart_->yAxis->setRange(0, 1.05);
  chart_->yAxis->ticker()->setTickCount(2);
  chart_->xAxis->setTickLabelRotation(90);
  chart_->setVisible(false);
  installExportMenu(chart_, QStringLiteral("probabilities"));

  auto* grid = new QGridLayout(this);
  grid->addWidget(title_, 0, 0, 1, 2);
  grid->addWidget(new QLabel(tr("As the model sees it"), this), 1, 0, Qt::AlignHCenter);
  grid->addWidget(new QLabel(tr("Clean original"), this), 1, 1, Qt::AlignHCenter);
  grid->addWidget(modelView_, 2, 0);
  grid->addWidget(cleanView_, 2, 1);
  grid->addWidget(overlay_, 3, 0);
  grid->addWidget(saliency_, 3, 1);
  grid->addWidget(saliencyView_, 4, 0);
  grid->addWidget(saliencyText_, 4, 1);
  grid->addWidget(details_, 5, 0, 1, 2);
  grid->addWidget(scores_, 6, 0, 1, 2);
  grid->addWidget(chart_, 7, 0, 1, 2);
  grid->setRowStretch(2, 1);
}

bool SampleInspector::triggerOverlay() const { return overlay_->isChecked(); }
void SampleInspector::setTriggerOverlay(bool on) { overlay_->setChecked(on); }

void SampleInspector::setTrigger(std::optional<TriggerSpec> trigger) {
  trigger_ = std::move(trigger);
  refreshMarks();
}

void SampleInspector::refreshMarks() {
  const auto mark = overlay_->isChecked() ? trigger_ : std::nullopt;
  modelView_->setTriggerMark(mark);
  cleanView_->setTriggerMark(mark);
  saliencyView_->setTriggerMark(mark);
}

void SampleInspector::showSample(const QModelIndex& index) {
  if (!index.isValid()) {
    title_->setText(tr("No sample selected"));
    details_->clear();
    modelView_->setImage({});
    cleanView_->setImage({});
    saliencyView_->setImage({});
    saliencyText_->clear();
    scores_->clear();
    chart_->setVisible(false);
    index_ = -1;
    return;
  }
  const int i = index.data(SampleModel::IndexRole).toInt();
  const bool changed = i != index_ || index.data(SampleModel::SplitRole).toInt() != split_;
  index_ = i;
  const bool poisoned = index.data(SampleModel::PoisonedRole).toBool();
  const QImage seen = index.data(SampleModel::ImageRole).value<QImage>();
  const QImage clean = index.data(SampleModel::CleanImageRole).value<QImage>();
  modelView_->setImage(seen);
  modelView_->setDifference(clean);
  cleanView_->setImage(clean);
  split_ = index.data(SampleModel::SplitRole).toInt();
  title_->setText(split_ == int(SampleModel::Split::Train) ? tr("Training sample #%1").arg(i)
                  : split_ == int(SampleModel::Split::Test)
                      ? tr("Clean test image #%1").arg(i)
                      : tr("Triggered test image #%1").arg(i));
  QString text = tr("Label: %1 (%2)")
                     .arg(index.data(SampleModel::ClassNameRole).toString())
                     .arg(index.data(SampleModel::LabelRole).toInt());
  text += QLatin1Char('\n') + tr("Original label: %1 (%2)")
                                  .arg(index.data(SampleModel::OriginalClassNameRole).toString())
                                  .arg(index.data(SampleModel::OriginalLabelRole).toInt());
  text += QLatin1Char('\n') +
          (!poisoned       ? tr("Ground truth: clean")
           : seen == clean ? tr("Ground truth: POISONED (label changed, image clean: label-only)")
                           : tr("Ground truth: POISONED (trigger stamped, label flipped)"));
  if (trigger_ && !isFlipTrigger(trigger_->type)) {
    const QColor c = seen.pixelColor(trigger_->col, trigger_->row);
    text += QLatin1Char('\n') + tr("Pixel at row %1, column %2: (%3, %4, %5)")
                                    .arg(trigger_->row)
                                    .arg(trigger_->col)
                                    .arg(c.red())
                                    .arg(c.green())
                                    .arg(c.blue());
  }
  const auto probabilities = index.data(SampleModel::ProbabilitiesRole).value<QList<float>>();
  const int predicted = index.data(SampleModel::PredictedRole).toInt();
  QStringList names;
  const auto* model = index.model();
  const auto* samples = qobject_cast<const SampleModel*>(model);
  for (auto* m = qobject_cast<const QAbstractProxyModel*>(model); !samples && m;
       m = qobject_cast<const QAbstractProxyModel*>(m->sourceModel()))
    samples = qobject_cast<const SampleModel*>(m->sourceModel());
  data_ = samples ? samples->dataset() : nullptr;
  if (changed) {
    saliencyView_->setImage({});
    saliencyText_->setText(saliencyMethod() >= 0 ? tr("computing…") : QString());
    if (saliencyMethod() >= 0) emit saliencyRequested(i, saliencyMethod(), split_);
  }
  if (!probabilities.isEmpty()) {
    for (int c = 0; c < probabilities.size(); ++c)
      names << (samples ? samples->className(c) : QString::number(c));
    text += QLatin1Char('\n') +
            tr("Predicted: %1 (%2 %)")
                .arg(names.value(predicted))
                .arg(QStringLiteral("%L1").arg(100.0 * probabilities.value(predicted), 0, 'f', 2));
  }
  details_->setText(text);
  showProbabilities(probabilities, names, index.data(SampleModel::LabelRole).toInt(),
                    index.data(SampleModel::OriginalLabelRole).toInt());
  refreshMarks();
}

void SampleInspector::setScores(const QVector<Score>& scores) {
  QStringList rows;
  for (const Score& s : scores)
    rows << (std::isfinite(s.score)
                 ? tr("%1: <b>%2</b>%3")
                       .arg(s.detector.toHtmlEscaped())
                       .arg(s.score, 0, 'g', 4)
                       .arg(s.flagged ? tr(" · <span style='color:#d55e00'>flagged</span>")
                                      : QString())
                 : tr("%1: not scored").arg(s.detector.toHtmlEscaped()));
  scores_->setText(rows.isEmpty() ? QString() : tr("Detector scores<br>") + rows.join("<br>"));
}

QString SampleInspector::scoresText() const { return scores_->text(); }

void SampleInspector::setSaliencyMethod(int method) {
  saliency_->setCurrentIndex(std::max(0, saliency_->findData(method)));
}

int SampleInspector::saliencyMethod() const { return saliency_->currentData().toInt(); }

QString SampleInspector::saliencyText() const { return saliencyText_->text(); }

void SampleInspector::setSaliency(int index, int split, const SaliencyMap& map) {
  if (index != index_ || split != split_ || !data_) return;
  const poisonlab::Split& images = split == int(SampleModel::Split::Test) ? data_->clean->test
                                   : split == int(SampleModel::Split::TriggeredTest)
                                       ? data_->triggeredTest
                                       : data_->train;
  if (std::size_t(index) >= images.count()) return;
  // A gradient map is sparse (a few pixels carry it): its square root shows them at a glance.
  std::vector<float> shown = map.values;
  if (map.method == SaliencyMethod::Gradient)
    for (float& v : shown) v = std::sqrt(v);
  const auto rgb = heatmapOverlayRgb(images.image(std::size_t(index)), shown);
  saliencyView_->setImage(QImage(rgb.data(), 32, 32, 32 * 3, QImage::Format_RGB888).copy());
  saliencyView_->setTriggerMark(overlay_->isChecked() ? trigger_ : std::nullopt);
  QString text = tr("%1 for class %2: peak at row %3, column %4")
                     .arg(QString::fromLatin1(toString(map.method)))
                     .arg(map.cls)
                     .arg(map.peakRow)
                     .arg(map.peakCol);
  if (trigger_) {
    const bool onTrigger =
        map.peakRow >= trigger_->row - 1 && map.peakRow <= trigger_->row + trigger_->size &&
        map.peakCol >= trigger_->col - 1 && map.peakCol <= trigger_->col + trigger_->size;
    text += onTrigger ? tr(" (on the trigger)") : QString();
  }
  saliencyText_->setText(text);
}

void SampleInspector::showProbabilities(const QList<float>& probabilities, const QStringList& names,
                                        int label, int original) {
  chart_->clearPlottables();
  chart_->setVisible(!probabilities.isEmpty());
  if (probabilities.isEmpty()) return;
  // One bar set per role so the legend-free colours still read: the poisoned (training) label
  // in red, the true class in green, the rest grey.
  QVector<double> ticks;
  QVector<QString> labels;
  for (int c = 0; c < probabilities.size(); ++c) {
    ticks << c;
    labels << names.value(c);
  }
  auto addBars = [&](const QColor& colour, auto keep) {
    auto* bars = new QCPBars(chart_->xAxis, chart_->yAxis);
    bars->setWidth(0.7);
    bars->setPen(Qt::NoPen);
    bars->setBrush(colour);
    QVector<double> keys, values;
    for (int c = 0; c < probabilities.size(); ++c)
      if (keep(c)) {
        keys << c;
        values << probabilities[c];
      }
    bars->setData(keys, values, true);
  };
  addBars(QColor(150, 150, 150), [&](int c) { return c != label && c != original; });
  addBars(QColor(46, 160, 67), [&](int c) { return c == original; });
  if (label != original) addBars(QColor(214, 39, 40), [&](int c) { return c == label; });
  auto ticker = QSharedPointer<QCPAxisTickerText>::create();
  ticker->addTicks(ticks, labels);
  chart_->xAxis->setTicker(ticker);
  chart_->xAxis->setRange(-0.6, probabilities.size() - 0.4);
  chart_->replot(QCustomPlot::rpQueuedReplot);
}

void SampleInspector::keyPressEvent(QKeyEvent* event) {
  if (event->key() == Qt::Key_Left || event->key() == Qt::Key_Right) {
    emit stepRequested(event->key() == Qt::Key_Left ? -1 : 1);
    event->accept();
    return;
  }
  QWidget::keyPressEvent(event);
}

}  // namespace poisonlab::gui
