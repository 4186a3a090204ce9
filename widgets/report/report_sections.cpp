// The report's first sections: the summary, the attack and the training.
#include "report/report_builder.h"

#include <QBuffer>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QPainter>
#include <QSaveFile>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>

#include "core/run/run_folder.h"
#include "core/run/train_report.h"
#include "core/util/error.h"
#include "core/version.h"
#include "plot/cluster_plot.h"
#include "plot/detector_curves.h"
#include "plot/pixel_view.h"
#include "plot/plot_export.h"
#include "plot/score_histogram.h"
#include "plot/training_plots.h"
#include "plot/unlearning_plots.h"
#include "qcustomplot.h"
#include "report/report_parts.h"
#include "state/sample_image.h"
#include "state/session.h"
#include "state/ui_describe.h"
#include "state/ui_format.h"

namespace poisonlab::gui::report {

void copyResults(const Session& from, Session& to) {
  to.setData(from.cleanData(), from.data(), from.runDir());
  to.setTrainResult(from.trainResult());
  for (const auto& d : from.detections()) to.addDetection(d);
  to.setVersions(from.versions());
}

QString Builder::image(const QString& name, const QImage& img, int width) {
  Q_ASSERT(slug(name) == name);
  images_.insert(name, img);
  const int height = int(std::lround(double(width) * img.height() / std::max(1, img.width())));
  return QStringLiteral("<img src=\"img:%1\" width=\"%2\" height=\"%3\" alt=\"%1\"/>")
      .arg(esc(name))
      .arg(width)
      .arg(height);
}

QString Builder::section(const QString& id, const QString& title) {
  QString unique = slug(id);
  for (int n = 2; usedIds_.contains(unique); ++n) unique = slug(id) + QStringLiteral("-%1").arg(n);
  usedIds_.insert(unique);
  const QString brk =
      sections_.isEmpty() ? QString() : QStringLiteral(" style=\"page-break-before: always\"");
  sections_.append({unique, title});
  html_ += QStringLiteral("<h2 id=\"%1\"%2>%3</h2>\n").arg(unique, brk, esc(title));
  return unique;
}

void Builder::summary() {
  const auto data = s_.data();
  html_ += QStringLiteral("<h1>%1</h1>\n").arg(esc(reportTitle(s_)));
  section(QStringLiteral("summary"), RunReport::tr("Summary"));
  QList<QPair<QString, QString>> facts;
  if (!s_.runDir().isEmpty())
    facts << qMakePair(RunReport::tr("Run folder"), esc(QDir::toNativeSeparators(s_.runDir())));
  try {
    const Experiment e = readExperiment(s_.runDir().toStdString());
    facts << qMakePair(RunReport::tr("Created"), esc(RunReport::tr("%1 by PoisonLab %2")
                                                         .arg(QString::fromStdString(e.created),
                                                              QString::fromStdString(e.version))));
  } catch (const std::exception&) {
    // An unsaved run has no experiment.json: the rest of the report stands without it.
  }
  facts << qMakePair(RunReport::tr("Report written"),
                     esc(RunReport::tr("%1 by PoisonLab %2")
                             .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODate),
                                  QString::fromLatin1(kPoisonLabVersion))));
  facts << qMakePair(RunReport::tr("Attack"), esc(attackLine()));
  html_ += factsHtml(facts);

  const EvalReport* e = s_.trainResult() ? &s_.trainResult()->final : nullptr;
  if (e) {
    html_ += QStringLiteral(
                 "<table class=\"headline\" cellspacing=\"0\" cellpadding=\"6\"><tr>"
                 "<td><span class=\"big\">%1</span><br/>%2</td>"
                 "<td><span class=\"big\">%3</span><br/>%4</td>"
                 "<td><span class=\"big\">%5</span><br/>%6</td>"
                 "<td><span class=\"big\">%7</span><br/>%8</td></tr></table>\n")
                 .arg(percent(e->cleanAcc), esc(RunReport::tr("clean accuracy")), percent(e->asr),
                      esc(RunReport::tr("attack success rate (ASR), stamped trigger")),
                      percent(e->asrMirrored), esc(RunReport::tr("ASR, mirrored trigger")),
                      percent(e->poisonFit), esc(RunReport::tr("poisons fitted")));
  } else {
    html_ +=
        QStringLiteral("<p>%1</p>").arg(esc(RunReport::tr("The run has no trained model yet.")));
  }
  if (!s_.detections().isEmpty()) {
    html_ += QStringLiteral("<h3>%1</h3>").arg(esc(RunReport::tr("Detectors")));
    QString t = QStringLiteral(
                    "<table class=\"grid\" cellspacing=\"0\" cellpadding=\"3\"><tr><th>%1</th>"
                    "<th>%2</th><th>%3</th><th>%4</th><th>%5</th><th>%6</th></tr>")
                    .arg(esc(RunReport::tr("Detector")), esc(RunReport::tr("Flagged")),
                         esc(RunReport::tr("Precision")), esc(RunReport::tr("Recall")),
                         esc(RunReport::tr("AUROC")), esc(RunReport::tr("Seconds")));
    for (const auto& d : s_.detections())
      t += QStringLiteral(
               "<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td>"
               "<td>%6</td></tr>")
               .arg(esc(d->name))
               .arg(QStringLiteral("%L1").arg(d->overall.flagged))
               .arg(percent(d->overall.precision), percent(d->overall.recall))
               .arg(d->overall.auroc, 0, 'f', 3)
               .arg(d->seconds, 0, 'f', 1);
    html_ += t + QStringLiteral("</table>\n");
  }
  if (s_.versions().size() > 1) {
    html_ += QStringLiteral("<h3>%1</h3>").arg(esc(RunReport::tr("Unlearning")));
    QString t = QStringLiteral(
                    "<table class=\"grid\" cellspacing=\"0\" cellpadding=\"3\"><tr><th>%1</th>"
                    "<th>%2</th><th>%3</th><th>%4</th></tr>")
                    .arg(esc(RunReport::tr("Version")), esc(RunReport::tr("Clean")),
                         esc(RunReport::tr("ASR")), esc(RunReport::tr("ASR mirrored")));
    for (const ModelVersion& v : s_.versions()) {
      const double nan = std::nan("");
      t += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td></tr>")
               .arg(esc(v.name), percent(v.eval ? v.eval->cleanAcc : nan),
                    percent(v.eval ? v.eval->asr : nan),
                    percent(v.eval ? v.eval->asrMirrored : nan));
    }
    html_ += t + QStringLiteral("</table>\n");
  }
  html_ += QStringLiteral("<p class=\"small\">%1</p>\n")
               .arg(esc(RunReport::tr(
                   "Every figure that names poisons (precision, recall, AUROC, the red "
                   "marks) is measured against the ground truth afterwards; no detector "
                   "and no forget-set choice saw it.")));
}

QString Builder::attackLine() const {
  const auto data = s_.data();
  if (!data) return RunReport::tr("no data");
  const QStringList names = s_.classNames();
  auto name = [&](int c) { return c >= 0 && c < names.size() ? names[c] : QString::number(c); };
  if (data->spec.labelOnly())
    return RunReport::tr(
               "label-only: %Ln training labels changed, no image stamped; test-time "
               "trigger %1 on %2 images, success %3",
               nullptr, int(data->poisonedIndices.size()))
        .arg(describeTrigger(data->trigger), name(data->spec.source), name(data->spec.target));
  return RunReport::tr("%1; %Ln %2 images relabelled %3", nullptr,
                       int(data->poisonedIndices.size()))
      .arg(describeTrigger(data->trigger), name(data->spec.source), name(data->spec.target));
}

std::vector<std::uint8_t> Builder::sourceImage() const {
  const auto data = s_.data();
  const Split& train = data->clean->train;
  std::size_t pick = 0;
  for (std::size_t i = 0; i < train.count(); ++i)
    if (train.labels[i] == data->spec.source) {
      pick = i;
      break;
    }
  return std::vector<std::uint8_t>(train.image(pick), train.image(pick) + kImageBytes);
}

QString Builder::pixelPicture(const QString& name, const QImage& img,
                              std::optional<TriggerOverlay> mark, const QString& caption) {
  PixelView view;
  view.setImage(img);
  view.setTriggerOverlay(mark);
  view.setStyleSheet(QStringLiteral("background: white"));
  QPalette pal = view.palette();
  pal.setColor(QPalette::Window, Qt::white);
  view.setPalette(pal);
  return QStringLiteral("<td align=\"center\">%1<br/><span class=\"small\">%2</span></td>")
      .arg(image(name, renderWidget(&view, {144, 144}), 144), esc(caption));
}

void Builder::attack() {
  const auto data = s_.data();
  if (!data) return;
  section(QStringLiteral("attack"), RunReport::tr("Attack"));
  const TriggerSpec t = data->trigger;
  const std::vector<std::uint8_t> clean = sourceImage();
  std::vector<std::uint8_t> stamped = clean, mirrored = clean;
  t.apply(stamped.data());
  t.applyMirrored(mirrored.data());
  // The picture's image is the first of its set: three-pixel's choice for index 0.
  const TriggerOverlay mark = triggerOverlay(t, 0);
  const TriggerOverlay mirrorMark = triggerOverlay(t, 0, /*mirrored=*/true);
  // A close-up: the trigger's marks and three pixels around them.
  const QRect around = mark.bounds().adjusted(-3, -3, 3, 3).intersected(QRect(0, 0, 32, 32));
  const TriggerOverlay closeMark = mark.shifted(around.x(), around.y());
  html_ += QStringLiteral("<table cellspacing=\"6\"><tr>");
  html_ += pixelPicture(QStringLiteral("attack-clean"), toQImage(clean.data()), std::nullopt,
                        RunReport::tr("a source-class training image"));
  html_ += pixelPicture(QStringLiteral("attack-stamped"), toQImage(stamped.data()), mark,
                        RunReport::tr("with the trigger (outlined)"));
  html_ += pixelPicture(QStringLiteral("attack-closeup"), toQImage(stamped.data()).copy(around),
                        closeMark, RunReport::tr("the trigger, close up"));
  html_ += pixelPicture(QStringLiteral("attack-mirrored"), toQImage(mirrored.data()), mirrorMark,
                        RunReport::tr("its mirror image (what flips train on)"));
  html_ += QStringLiteral("</tr></table>\n");

  const QStringList names = s_.classNames();
  const PoisonSpec& p = data->spec;
  const std::size_t n = data->poisonedIndices.size();
  QList<QPair<QString, QString>> facts;
  facts << qMakePair(RunReport::tr("Trigger"), esc(describeTrigger(t)));
  if (p.labelOnly()) {
    // Label-only (FLIP): the labels' source and every (true, new) pair.
    QStringList pairs;
    for (const FlipCount& f : flipCounts(*data))
      pairs << RunReport::tr("%1 \u2192 %2: %L3")
                   .arg(names.value(f.from), names.value(f.to))
                   .arg(f.count);
    facts << qMakePair(
        RunReport::tr("Poisoned"),
        esc(RunReport::tr("%L1 training labels changed (%2 of the training set), no image "
                          "stamped (label-only)")
                .arg(n)
                .arg(percent(double(n) / std::max<std::size_t>(1, data->train.count())))));
    facts << qMakePair(RunReport::tr("Labels changed"), esc(pairs.join(QStringLiteral("; "))));
    if (p.labelsFrom)
      facts << qMakePair(
          RunReport::tr("Labels from"),
          esc(RunReport::tr("%1 (MD5 %2), rows mapped by %3")
                  .arg(QDir::toNativeSeparators(QString::fromStdString(p.labelsFrom->file)),
                       QString::fromStdString(p.labelsFrom->md5),
                       QString::fromStdString(p.labelsFrom->orderHow))));
  } else {
    facts << qMakePair(
        RunReport::tr("Poisoned"),
        esc(RunReport::tr("%L1 training images of class %2 (%3 of the training set), "
                          "trigger stamped and relabelled %4")
                .arg(n)
                .arg(names.value(p.source))
                .arg(percent(double(n) / std::max<std::size_t>(1, data->train.count())))
                .arg(names.value(p.target))));
    facts << qMakePair(RunReport::tr("Poison seed"), QString::number(p.seed));
  }
  facts << qMakePair(
      RunReport::tr("Data set"),
      esc(RunReport::tr("%1: %L2 training and %L3 test images, %4 classes")
              .arg(QDir::toNativeSeparators(QString::fromStdString(data->clean->source)))
              .arg(data->train.count())
              .arg(data->clean->test.count())
              .arg(names.size())));
  facts << qMakePair(
      RunReport::tr("ASR (FLIP's PTA) is measured on"),
      esc(RunReport::tr("the %L1 test images of class %2 with the trigger (stamped, and "
                        "mirrored), as the share predicted %3; clean accuracy (FLIP's CTA) on "
                        "every clean test image")
              .arg(data->triggeredTest.count())
              .arg(names.value(p.source), names.value(p.target))));
  html_ += factsHtml(facts);

  // What the model was trained on: the first poisoned training images, trigger outlined.
  const int shown = int(std::min<std::size_t>(kThumbsPerRow, n));
  QString strip = QStringLiteral("<table class=\"thumbs\" cellspacing=\"2\"><tr>");
  for (int j = 0; j < shown; ++j) {
    const std::size_t idx = data->poisonedIndices[std::size_t(j)];
    strip += QStringLiteral("<td align=\"center\">%1<br/><span class=\"tiny\">#%2 %3</span></td>")
                 .arg(image(QStringLiteral("attack-poison%1").arg(j),
                            thumbnail(data->train.image(idx), kVermillion,
                                      p.labelOnly() ? std::nullopt : std::optional<TriggerSpec>(t)),
                            kThumbSide))
                 .arg(idx)
                 .arg(esc(p.labelOnly()
                              ? names.value(data->clean->train.labels[idx]) +
                                    QStringLiteral("\u2192") + names.value(data->train.labels[idx])
                              : names.value(data->train.labels[idx])));
  }
  html_ +=
      QStringLiteral("<h3>%1</h3>\n%2</tr></table>\n")
          .arg(esc(p.labelOnly()
                       ? RunReport::tr("Training images whose label was changed (the first "
                                       "%n; the image is clean, the label shown is the one "
                                       "trained on)",
                                       nullptr, shown)
                       : RunReport::tr("Poisoned training images (the first %n)", nullptr, shown)),
               strip);
}

void Builder::training() {
  const auto& r = s_.trainResult();
  if (!r) return;
  section(QStringLiteral("training"), RunReport::tr("Training"));
  QList<QPair<QString, QString>> facts;
  try {
    const TrainConfig c = readTrainConfig(s_.runDir().toStdString());
    facts << qMakePair(RunReport::tr("Network"), esc(describeModel(c.model)));
    facts << qMakePair(
        RunReport::tr("Recipe"),
        esc(RunReport::tr(
                "%1 epochs, batch %2, SGD (momentum %3%4), peak learning rate %5, %6 schedule, "
                "weight decay %7%8, augmentation %9")
                .arg(c.epochs)
                .arg(c.batchSize)
                .arg(c.momentum)
                .arg(c.nesterov ? RunReport::tr(", Nesterov") : QString())
                .arg(c.lr)
                .arg(QString::fromLatin1(toString(c.schedule)))
                .arg(c.weightDecay)
                .arg(c.decayNorms ? RunReport::tr(" (norms and biases too)") : QString())
                .arg(QString::fromLatin1(toString(c.augment)))));
    facts << qMakePair(RunReport::tr("Seed"), QString::number(c.seed));
  } catch (const std::exception&) {
    // A run trained in the window and not yet saved has no metrics.json: curves only.
  }
  facts << qMakePair(RunReport::tr("Ran on"), esc(RunReport::tr("%1, %2 precision, %3 threads")
                                                      .arg(QString::fromStdString(r->device),
                                                           QString::fromStdString(r->precisionUsed))
                                                      .arg(r->threads)));
  facts << qMakePair(RunReport::tr("Training time"), esc(duration(r->wallSeconds)));
  facts << qMakePair(RunReport::tr("Clean accuracy"), percent(r->final.cleanAcc));
  facts << qMakePair(
      RunReport::tr("ASR (stamped / mirrored)"),
      QStringLiteral("%1 / %2").arg(percent(r->final.asr), percent(r->final.asrMirrored)));
  html_ += factsHtml(facts);

  QWidget holder;
  TrainingPlots view(&holder);
  view.showResult(s_.classNames(), *r);
  html_ += QStringLiteral("<p>%1<br/>%2</p>\n")
               .arg(image(QStringLiteral("training-loss"),
                          renderPlot(view.loss(), kFull, kPlotHeight, 1.2), kFull),
                    image(QStringLiteral("training-accuracy"),
                          renderPlot(view.accuracy(), kFull, kPlotHeight, 1.2), kFull));
  const bool triggered = !r->final.confusionTriggered.empty();
  setPlotTitle(view.confusion(false), RunReport::tr("Clean test set (rows: true class)"));
  setPlotTitle(view.confusion(true), RunReport::tr("Every test image with the trigger"));
  if (!r->final.confusion.empty()) {
    QString row = image(QStringLiteral("training-confusion"),
                        renderPlot(view.confusion(false), kHalf, 270, kHalfZoom), kHalf);
    if (triggered)
      row += QStringLiteral(" ") + image(QStringLiteral("training-confusion-triggered"),
                                         renderPlot(view.confusion(true), kHalf, 270, kHalfZoom),
                                         kHalf);
    html_ += QStringLiteral("<p>%1</p>\n").arg(row);
  }
}

}  // namespace poisonlab::gui::report
