#include "run_report.h"

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

#include "cluster_view.h"
#include "comparison_view.h"
#include "core/run/run_folder.h"
#include "core/run/train_report.h"
#include "core/util/error.h"
#include "core/version.h"
#include "plot_export.h"
#include "qcustomplot.h"
#include "report_parts.h"
#include "sample_image.h"
#include "sample_inspector.h"
#include "session.h"
#include "spectral_view.h"
#include "training_view.h"
#include "ui_describe.h"
#include "ui_format.h"
#include "unlearn_panel.h"

namespace poisonlab::gui {

namespace {

using namespace report;

/// A copy of the session's results on which the report's views are drawn: no selection, no
/// filter, the original model current.
void copyResults(const Session& from, Session& to) {
  to.setData(from.cleanData(), from.data(), from.runDir());
  to.setTrainResult(from.trainResult());
  for (const auto& d : from.detections()) to.addDetection(d);
  to.setVersions(from.versions());
}

/// The detector's class worth looking at: the one its poisons were relabelled to.
int attackedClass(const PoisonedDataset& data) { return data.spec.target; }

class Builder {
 public:
  Builder(const Session& session, QMap<QString, QImage>& images,
          QList<RunReport::Section>& sections)
      : images_(images), sections_(sections) {
    copyResults(session, s_);
  }

  QString build() {
    summary();
    attack();
    training();
    for (const auto& d : s_.detections()) detector(*d);
    comparison();
    unlearning();
    return html_;
  }

 private:
  /// A picture; `name` is built from section ids (slugs) and fixed words, and escaped all the
  /// same: nothing read from the run reaches an attribute as markup.
  QString image(const QString& name, const QImage& img, int width) {
    Q_ASSERT(slug(name) == name);
    images_.insert(name, img);
    const int height = int(std::lround(double(width) * img.height() / std::max(1, img.width())));
    return QStringLiteral("<img src=\"img:%1\" width=\"%2\" height=\"%3\" alt=\"%1\"/>")
        .arg(esc(name))
        .arg(width)
        .arg(height);
  }

  /// A section; in the PDF each after the first starts a page. `id` is made a slug, unique in
  /// the report (a record's name is the user's: "x\"><img ..." becomes "x-img"); returns it.
  QString section(const QString& id, const QString& title) {
    QString unique = slug(id);
    for (int n = 2; usedIds_.contains(unique); ++n)
      unique = slug(id) + QStringLiteral("-%1").arg(n);
    usedIds_.insert(unique);
    const QString brk =
        sections_.isEmpty() ? QString() : QStringLiteral(" style=\"page-break-before: always\"");
    sections_.append({unique, title});
    html_ += QStringLiteral("<h2 id=\"%1\"%2>%3</h2>\n").arg(unique, brk, esc(title));
    return unique;
  }

  void summary() {
    const auto data = s_.data();
    html_ += QStringLiteral("<h1>%1</h1>\n").arg(esc(reportTitle(s_)));
    section(QStringLiteral("summary"), RunReport::tr("Summary"));
    QList<QPair<QString, QString>> facts;
    if (!s_.runDir().isEmpty())
      facts << qMakePair(RunReport::tr("Run folder"), esc(QDir::toNativeSeparators(s_.runDir())));
    try {
      const Experiment e = readExperiment(s_.runDir().toStdString());
      facts << qMakePair(
          RunReport::tr("Created"),
          esc(RunReport::tr("%1 by PoisonLab %2")
                  .arg(QString::fromStdString(e.created), QString::fromStdString(e.version))));
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

  QString attackLine() const {
    const auto data = s_.data();
    if (!data) return RunReport::tr("no data");
    const QStringList names = s_.classNames();
    auto name = [&](int c) { return c >= 0 && c < names.size() ? names[c] : QString::number(c); };
    return RunReport::tr("%1; %Ln %2 images relabelled %3", nullptr,
                         int(data->poisonedIndices.size()))
        .arg(describeTrigger(data->trigger), name(data->spec.source), name(data->spec.target));
  }

  /// The first training image of the source class, clean.
  std::vector<std::uint8_t> sourceImage() const {
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

  QString pixelPicture(const QString& name, const QImage& img, std::optional<TriggerSpec> mark,
                       const QString& caption) {
    PixelView view;
    view.setImage(img);
    view.setTriggerMark(mark);
    view.setStyleSheet(QStringLiteral("background: white"));
    QPalette pal = view.palette();
    pal.setColor(QPalette::Window, Qt::white);
    view.setPalette(pal);
    return QStringLiteral("<td align=\"center\">%1<br/><span class=\"small\">%2</span></td>")
        .arg(image(name, renderWidget(&view, {144, 144}), 144), esc(caption));
  }

  void attack() {
    const auto data = s_.data();
    if (!data) return;
    section(QStringLiteral("attack"), RunReport::tr("Attack"));
    const TriggerSpec t = data->trigger;
    const std::vector<std::uint8_t> clean = sourceImage();
    std::vector<std::uint8_t> stamped = clean, mirrored = clean;
    t.apply(stamped.data());
    t.applyMirrored(mirrored.data());
    TriggerSpec mirrorMark = t;
    mirrorMark.col = t.mirroredCol();
    // A close-up: the trigger's square and three pixels around it.
    const QRect around = triggerRect(t).adjusted(-3, -3, 3, 3).intersected(QRect(0, 0, 32, 32));
    TriggerSpec closeMark = t;
    closeMark.row -= around.y();
    closeMark.col -= around.x();
    html_ += QStringLiteral("<table cellspacing=\"6\"><tr>");
    html_ += pixelPicture(QStringLiteral("attack-clean"), toQImage(clean.data()), std::nullopt,
                          RunReport::tr("a source-class training image"));
    html_ += pixelPicture(QStringLiteral("attack-stamped"), toQImage(stamped.data()), t,
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
    facts << qMakePair(
        RunReport::tr("Poisoned"),
        esc(RunReport::tr("%L1 training images of class %2 (%3 of the training set), "
                          "trigger stamped and relabelled %4")
                .arg(n)
                .arg(names.value(p.source))
                .arg(percent(double(n) / std::max<std::size_t>(1, data->train.count())))
                .arg(names.value(p.target))));
    facts << qMakePair(RunReport::tr("Poison seed"), QString::number(p.seed));
    facts << qMakePair(
        RunReport::tr("Data set"),
        esc(RunReport::tr("%1: %L2 training and %L3 test images, %4 classes")
                .arg(QDir::toNativeSeparators(QString::fromStdString(data->clean->source)))
                .arg(data->train.count())
                .arg(data->clean->test.count())
                .arg(names.size())));
    facts << qMakePair(
        RunReport::tr("ASR is measured on"),
        esc(RunReport::tr("the %L1 test images of class %2 with the trigger (stamped, and "
                          "mirrored), as the share predicted %3")
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
                              thumbnail(data->train.image(idx), kVermillion, t), kThumbSide))
                   .arg(idx)
                   .arg(esc(names.value(data->train.labels[idx])));
    }
    html_ += QStringLiteral("<h3>%1</h3>\n%2</tr></table>\n")
                 .arg(esc(RunReport::tr("Poisoned training images (the first %n)", nullptr, shown)),
                      strip);
  }

  void training() {
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
    facts << qMakePair(
        RunReport::tr("Ran on"),
        esc(RunReport::tr("%1, %2 precision, %3 threads")
                .arg(QString::fromStdString(r->device), QString::fromStdString(r->precisionUsed))
                .arg(r->threads)));
    facts << qMakePair(RunReport::tr("Training time"), esc(duration(r->wallSeconds)));
    facts << qMakePair(RunReport::tr("Clean accuracy"), percent(r->final.cleanAcc));
    facts << qMakePair(
        RunReport::tr("ASR (stamped / mirrored)"),
        QStringLiteral("%1 / %2").arg(percent(r->final.asr), percent(r->final.asrMirrored)));
    html_ += factsHtml(facts);

    TrainingView view;
    view.showResult(s_.classNames(), *r);
    html_ += QStringLiteral("<p>%1<br/>%2</p>\n")
                 .arg(image(QStringLiteral("training-loss"),
                            renderPlot(view.lossPlot(), kFull, kPlotHeight, 1.2), kFull),
                      image(QStringLiteral("training-accuracy"),
                            renderPlot(view.accuracyPlot(), kFull, kPlotHeight, 1.2), kFull));
    const bool triggered = !r->final.confusionTriggered.empty();
    setPlotTitle(view.confusionPlot(false), RunReport::tr("Clean test set (rows: true class)"));
    setPlotTitle(view.confusionPlot(true), RunReport::tr("Every test image with the trigger"));
    if (!r->final.confusion.empty()) {
      QString row = image(QStringLiteral("training-confusion"),
                          renderPlot(view.confusionPlot(false), kHalf, 270, kHalfZoom), kHalf);
      if (triggered)
        row += QStringLiteral(" ") +
               image(QStringLiteral("training-confusion-triggered"),
                     renderPlot(view.confusionPlot(true), kHalf, 270, kHalfZoom), kHalf);
      html_ += QStringLiteral("<p>%1</p>\n").arg(row);
    }
  }

  QString metricsRow(const QString& scope, const DetectionMetrics& m) const {
    return QStringLiteral(
               "<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td><td>%6</td>"
               "<td>%7</td><td>%8</td><td>%9</td></tr>")
        .arg(esc(scope), QStringLiteral("%L1").arg(m.samples), QStringLiteral("%L1").arg(m.poisons),
             QStringLiteral("%L1").arg(m.flagged), percent(m.precision), percent(m.recall),
             QString::number(m.auroc, 'f', 3), QString::number(m.averagePrecision, 'f', 3),
             percent(m.recallAtK));
  }

  void detector(const DetectionReport& d) {
    const QString name = QString::fromStdString(d.name);
    const QString id =
        section(QStringLiteral("detector-") + name, RunReport::tr("Detector: %1").arg(name));
    const QStringList names = s_.classNames();
    const int cls = attackedClass(*s_.data());
    QList<QPair<QString, QString>> facts;
    facts << qMakePair(RunReport::tr("Method"), esc(d.method));
    if (!d.layer.empty()) facts << qMakePair(RunReport::tr("Layer"), esc(d.layer));
    facts << qMakePair(RunReport::tr("Time"),
                       esc(RunReport::tr("%1 (activations %2)")
                               .arg(duration(d.seconds), duration(d.featureSeconds))));
    if (!d.settingsJson.empty()) {
      QString settings = QString::fromStdString(d.settingsJson).simplified();
      settings.replace(QStringLiteral(",\""), QStringLiteral(", \""));
      facts << qMakePair(RunReport::tr("Settings"),
                         QStringLiteral("<span class=\"small\">%1</span>").arg(esc(settings)));
    }
    html_ += factsHtml(facts);
    if (!d.attackTook)
      html_ +=
          QStringLiteral("<p class=\"warn\">%1</p>")
              .arg(esc(RunReport::tr("The model's attack did not take (ASR or poisons fitted below "
                                     "50 %): there is no backdoor to find.")));
    QString t = QStringLiteral(
                    "<table class=\"grid\" cellspacing=\"0\" cellpadding=\"3\"><tr><th>%1</th>"
                    "<th>%2</th><th>%3</th><th>%4</th><th>%5</th><th>%6</th><th>%7</th>"
                    "<th>%8</th><th>%9</th></tr>")
                    .arg(esc(RunReport::tr("Scope")), esc(RunReport::tr("Samples")),
                         esc(RunReport::tr("Poisons")), esc(RunReport::tr("Flagged")),
                         esc(RunReport::tr("Precision")), esc(RunReport::tr("Recall")),
                         esc(RunReport::tr("AUROC")), esc(RunReport::tr("Avg. precision")),
                         esc(RunReport::tr("Recall@k")));
    t += metricsRow(RunReport::tr("overall"), d.overall);
    for (const ClassSummary& c : d.classes)
      if (c.cls == cls)
        t += metricsRow(RunReport::tr("class %1 (the poisons' label)").arg(names.value(cls)),
                        c.metrics);
    html_ += t + QStringLiteral("</table>\n");

    // The score histogram and the cluster plot, side by side.
    SpectralView spectral(&s_);
    spectral.setDetector(name);
    spectral.setClass(cls);
    setPlotTitle(spectral.histogram(),
                 RunReport::tr("Scores within class %1, threshold dashed").arg(names.value(cls)));
    QString row =
        image(id + QStringLiteral("-histogram"), renderHalfPlot(spectral.histogram()), kHalf);
    // The cluster plot: Activation Clustering's projection of the class, coloured by cluster
    // for its own result and by this detector's score for the others.
    const auto projects = [](const DetectionReport& r) {
      bool x = false, y = false;
      for (const auto& c : r.columns) {
        x = x || c.first == "x";
        y = y || c.first == "y";
      }
      return x && y;
    };
    ClusterView cluster(&s_);
    QString clusterNote;
    if (projects(d)) {
      cluster.setDetector(name);
      cluster.setColouring(ClusterView::Colour::Cluster);
    } else {
      cluster.setColouring(ClusterView::Colour::Score, name);
      clusterNote = RunReport::tr(
          "The cluster plot is Activation Clustering's projection, coloured by this "
          "detector's score (dark red: high).");
    }
    cluster.setClass(cls);
    if (!cluster.pointIndices().empty()) {
      setPlotTitle(cluster.plot(), RunReport::tr("Class %1 on its first two principal axes")
                                       .arg(names.value(cluster.currentClass())));
      row += QStringLiteral(" ") +
             image(id + QStringLiteral("-clusters"), renderHalfPlot(cluster.plot()), kHalf);
    } else {
      clusterNote = RunReport::tr("No cluster plot: the run has no Activation Clustering result.");
    }
    html_ += QStringLiteral("<p>%1</p>\n").arg(row);
    if (!clusterNote.isEmpty())
      html_ += QStringLiteral("<p class=\"small\">%1</p>\n").arg(esc(clusterNote));

    ComparisonView roc(&s_);
    roc.setDetectors({name});
    html_ += QStringLiteral("<p>%1 %2</p>\n")
                 .arg(image(id + QStringLiteral("-roc"), renderHalfPlot(roc.rocPlot()), kHalf),
                      image(id + QStringLiteral("-pr"), renderHalfPlot(roc.prPlot()), kHalf));
    thumbnails(d, id);
  }

  /// The detector's most suspicious samples, as the grid shows them (what the detector saw).
  void thumbnails(const DetectionReport& d, const QString& id) {
    std::vector<std::size_t> order(d.indices.size());
    std::iota(order.begin(), order.end(), 0);
    const std::size_t k = std::min<std::size_t>(kThumbnails, order.size());
    std::partial_sort(order.begin(), order.begin() + k, order.end(),
                      [&](std::size_t a, std::size_t b) {
                        const double sa = std::isfinite(d.scores[a]) ? d.scores[a] : -INFINITY;
                        const double sb = std::isfinite(d.scores[b]) ? d.scores[b] : -INFINITY;
                        if (sa != sb) return sa > sb;
                        // Tied scores (a cluster's members share one) in a fixed random order:
                        // the data set's order (class by class) would pick a biased few.
                        return tieOrder(d.indices[a]) < tieOrder(d.indices[b]);
                      });
    const auto data = s_.data();
    const QStringList names = s_.classNames();
    int poisons = 0;
    QString h = QStringLiteral("<table class=\"thumbs\" cellspacing=\"2\"><tr>");
    for (std::size_t j = 0; j < k; ++j) {
      const std::size_t at = order[j];
      const auto idx = std::size_t(d.indices[at]);
      if (idx >= data->train.count()) continue;
      const bool poison = d.poisoned[at] != 0;
      poisons += poison;
      const QImage img = thumbnail(data->train.image(idx), poison ? kVermillion : kGrey);
      if (j > 0 && j % kThumbsPerRow == 0) h += QStringLiteral("</tr><tr>");
      h += QStringLiteral(
               "<td align=\"center\">%1<br/><span class=\"tiny\">#%2 %3<br/>%4%5"
               "</span></td>")
               .arg(image(QStringLiteral("%1-top%2").arg(id).arg(j), img, kThumbSide))
               .arg(idx)
               .arg(esc(names.value(d.labels[at])))
               .arg(compactScore(d.scores[at]))
               .arg(poison ? QStringLiteral(" · ") + esc(RunReport::tr("poison")) : QString());
    }
    h += QStringLiteral("</tr></table>\n");
    html_ += QStringLiteral("<h3>%1</h3>\n")
                 .arg(esc(RunReport::tr("The %n most suspicious samples", nullptr, int(k))));
    html_ += h;
    html_ += QStringLiteral("<p class=\"small\">%1</p>\n")
                 .arg(esc(RunReport::tr(
                              "Highest score first (equal scores in a fixed random order), as the "
                              "detector saw them (trigger and poisoned label included); a red "
                              "frame marks a poison (%1 of %2), grey a clean sample.")
                              .arg(poisons)
                              .arg(k)));
  }

  void comparison() {
    if (s_.detections().size() < 2) return;
    section(QStringLiteral("comparison"), RunReport::tr("Detectors compared"));
    ComparisonView view(&s_);
    view.setScope(-1);
    html_ += tableHtml(view.table());
    html_ += QStringLiteral("<p>%1<br/>%2</p>\n")
                 .arg(image(QStringLiteral("comparison-roc"),
                            renderPlot(view.rocPlot(), kFull, 300), kFull),
                      image(QStringLiteral("comparison-pr"), renderPlot(view.prPlot(), kFull, 300),
                            kFull));
  }

  void unlearning() {
    if (s_.versions().size() < 2) return;
    section(QStringLiteral("unlearning"), RunReport::tr("Unlearning"));
    html_ += QStringLiteral("<p>%1</p>\n")
                 .arg(esc(RunReport::tr(
                     "Each result starts from the original model; the forget set's size "
                     "and how many poisons it holds are in the third column.")));
    UnlearnPanel panel(&s_);
    html_ += tableHtml(panel.versionsTable(), {0}, QStringLiteral("grid compact"));
    if (panel.sweepPlot()->graphCount() > 0)
      html_ += QStringLiteral("<p>%1</p>\n")
                   .arg(image(QStringLiteral("unlearning-sweep"),
                              renderPlot(panel.sweepPlot(), kFull, 400, 1.15), kFull));
    else
      html_ += QStringLiteral("<p class=\"small\">%1</p>\n")
                   .arg(esc(RunReport::tr(
                       "No sweep plot: no result forgot a share of the ground-truth "
                       "poisons (Unlearning > Sweep, or poisonlab-cli unlearn-sweep).")));
  }

  Session s_;
  QSet<QString> usedIds_;
  QMap<QString, QImage>& images_;
  QList<RunReport::Section>& sections_;
  QString html_;
};

}  // namespace

RunReport::RunReport(const Session& session) {
  title_ = reportTitle(session);
  html_ = Builder(session, images_, sections_).build();
}

QString RunReport::body(const QString& imagePrefix) const {
  QString b = html_;
  return b.replace(QStringLiteral("src=\"img:"), QStringLiteral("src=\"") + imagePrefix);
}

QString RunReport::html() const {
  QString doc = QStringLiteral(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"
                    "<html xmlns=\"http://www.w3.org/1999/xhtml\">\n<head>\n"
                    "<meta charset=\"utf-8\"/>\n"
                    // Defence in depth: the file loads nothing and runs nothing, whatever a
                    // browser makes of it (its pictures are data: URIs, its style inline).
                    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                    "img-src data:; style-src 'unsafe-inline'\"/>\n"
                    "<title>%1</title>\n<style>\n%2</style>\n"
                    "</head>\n<body>\n")
                    .arg(title_.toHtmlEscaped(), styleSheet());
  QString b = body(QStringLiteral("img:"));
  // Every picture inline, so the one file is the whole report.
  for (auto it = images_.begin(); it != images_.end(); ++it) {
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    it.value().save(&buffer, "PNG");
    b.replace(QStringLiteral("src=\"img:%1\"").arg(it.key()),
              QStringLiteral("src=\"data:image/png;base64,%1\"")
                  .arg(QString::fromLatin1(png.toBase64())));
  }
  return doc + b + QStringLiteral("</body>\n</html>\n");
}

int RunReport::printPdf(QIODevice& out) const {
  return printA4(out, title_, body(QStringLiteral("img:")), images_);
}

int RunReport::write(const QString& path, Format format) const {
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly))
    throw Error(path.toStdString() + ": cannot write: " + file.errorString().toStdString());
  int pages = 1;
  if (format == Format::Html)
    file.write(html().toUtf8());
  else
    pages = printPdf(file);
  if (!file.commit())
    throw Error(path.toStdString() + ": cannot write: " + file.errorString().toStdString());
  return pages;
}

RunReport::Format RunReport::parseFormat(const QString& text, const QString& field) {
  const QString t = text.trimmed().toLower();
  if (t == QLatin1String("html")) return Format::Html;
  if (t == QLatin1String("pdf")) return Format::Pdf;
  throw Error(field.toStdString() + ": '" + text.toStdString() + "' is not html or pdf");
}

RunReport::Format RunReport::formatOfPath(const QString& path) {
  return path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive) ? Format::Pdf : Format::Html;
}

QString RunReport::defaultPath(const QString& runDir, Format format) {
  return QDir(runDir).filePath(format == Format::Pdf ? QStringLiteral("report.pdf")
                                                     : QStringLiteral("report.html"));
}

}  // namespace poisonlab::gui
