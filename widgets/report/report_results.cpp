// The report's result sections: each detector, the detectors compared, and unlearning.
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
namespace {

/// The detector's class worth looking at: the one its poisons were relabelled to.
int attackedClass(const PoisonedDataset& data) { return data.spec.target; }

}  // namespace

QString Builder::metricsRow(const QString& scope, const DetectionMetrics& m) const {
  return QStringLiteral(
             "<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td><td>%6</td>"
             "<td>%7</td><td>%8</td><td>%9</td></tr>")
      .arg(esc(scope), QStringLiteral("%L1").arg(m.samples), QStringLiteral("%L1").arg(m.poisons),
           QStringLiteral("%L1").arg(m.flagged), percent(m.precision), percent(m.recall),
           QString::number(m.auroc, 'f', 3), QString::number(m.averagePrecision, 'f', 3),
           percent(m.recallAtK));
}

void Builder::detector(const DetectionReport& d) {
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
  QWidget holder;
  ScoreHistogram histogram(&holder);
  const ClassScores scores = classScores(s_, name, cls);
  histogram.setScores(scores.scores, scores.poisoned);
  histogram.setSelected({});
  histogram.setThreshold(std::isfinite(scores.flaggedFrom) ? scores.flaggedFrom : histogram.hi());
  setPlotTitle(histogram.plot(),
               RunReport::tr("Scores within class %1, threshold dashed").arg(names.value(cls)));
  QString row = image(id + QStringLiteral("-histogram"), renderHalfPlot(histogram.plot()), kHalf);
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
  QString clusterNote;
  QString projection = name;
  ClusterColour colouring = ClusterColour::Cluster;
  if (!projects(d)) {
    // Activation Clustering's projection (the Cluster view's default: the detector named
    // so, else the first with a projection), coloured by this one.
    projection.clear();
    for (const auto& other : s_.detections())
      if (projects(*other) && (projection.isEmpty() || other->name == "activation-clustering"))
        projection = QString::fromStdString(other->name);
    colouring = ClusterColour::Score;
    clusterNote = RunReport::tr(
        "The cluster plot is Activation Clustering's projection, coloured by this "
        "detector's score (dark red: high).");
  }
  const ClusterPoints points = clusterPoints(s_, projection, cls);
  QCustomPlot* clusterPlot = ClusterPlot::make(&holder);
  ClusterPlot::draw(clusterPlot, s_, points, colouring, name);
  ClusterPlot::fit(clusterPlot, points);
  if (!points.indices.empty()) {
    setPlotTitle(clusterPlot,
                 RunReport::tr("Class %1 on its first two principal axes").arg(names.value(cls)));
    row += QStringLiteral(" ") +
           image(id + QStringLiteral("-clusters"), renderHalfPlot(clusterPlot), kHalf);
  } else {
    clusterNote = RunReport::tr("No cluster plot: the run has no Activation Clustering result.");
  }
  html_ += QStringLiteral("<p>%1</p>\n").arg(row);
  if (!clusterNote.isEmpty())
    html_ += QStringLiteral("<p class=\"small\">%1</p>\n").arg(esc(clusterNote));

  DetectorCurves roc(&holder);
  roc.show(s_, {name}, -1);
  html_ += QStringLiteral("<p>%1 %2</p>\n")
               .arg(image(id + QStringLiteral("-roc"), renderHalfPlot(roc.roc()), kHalf),
                    image(id + QStringLiteral("-pr"), renderHalfPlot(roc.pr()), kHalf));
  thumbnails(d, id);
}

void Builder::thumbnails(const DetectionReport& d, const QString& id) {
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

void Builder::comparison() {
  if (s_.detections().size() < 2) return;
  section(QStringLiteral("comparison"), RunReport::tr("Detectors compared"));
  QWidget holder;
  DetectorCurves view(&holder);
  view.show(s_, {}, -1);
  html_ += tableHtml(view.table());
  html_ +=
      QStringLiteral("<p>%1<br/>%2</p>\n")
          .arg(image(QStringLiteral("comparison-roc"), renderPlot(view.roc(), kFull, 300), kFull),
               image(QStringLiteral("comparison-pr"), renderPlot(view.pr(), kFull, 300), kFull));
}

void Builder::unlearning() {
  if (s_.versions().size() < 2) return;
  section(QStringLiteral("unlearning"), RunReport::tr("Unlearning"));
  html_ += QStringLiteral("<p>%1</p>\n")
               .arg(esc(RunReport::tr(
                   "Each result starts from the original model; the forget set's size "
                   "and how many poisons it holds are in the third column.")));
  QWidget holder;
  QTableWidget* versions = UnlearningPlots::makeVersionsTable(&holder);
  UnlearningPlots::fillVersions(versions, s_);
  html_ += tableHtml(versions, {0}, QStringLiteral("grid compact"));
  QCustomPlot* sweep = UnlearningPlots::makeSweep(&holder);
  UnlearningPlots::fillSweep(sweep, s_);
  if (sweep->graphCount() > 0)
    html_ += QStringLiteral("<p>%1</p>\n")
                 .arg(image(QStringLiteral("unlearning-sweep"), renderPlot(sweep, kFull, 400, 1.15),
                            kFull));
  else
    html_ += QStringLiteral("<p class=\"small\">%1</p>\n")
                 .arg(esc(RunReport::tr(
                     "No sweep plot: no result forgot a share of the ground-truth "
                     "poisons (Unlearning > Sweep, or poisonlab-cli unlearn-sweep).")));
}

}  // namespace poisonlab::gui::report
