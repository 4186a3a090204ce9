#include "views/label_error_view.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <numeric>

#include "plot/plot_export.h"
#include "qcustomplot.h"
#include "state/sample_image.h"
#include "state/session.h"
#include "state/ui_format.h"

namespace poisonlab::gui {

namespace {

bool isConfidentLearning(const DetectionReport& d) { return d.method == "confident-learning"; }

const std::vector<double>* column(const DetectionReport& d, const char* name) {
  for (const auto& [k, v] : d.columns)
    if (k == name) return &v;
  return nullptr;
}

}  // namespace

LabelErrorView::LabelErrorView(Session* session, QWidget* parent)
    : QWidget(parent), session_(session) {
  setObjectName(QStringLiteral("labelErrorView"));
  detector_ = new QComboBox(this);
  detector_->setObjectName(QStringLiteral("labelErrorDetector"));
  detector_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  summary_ = new QLabel(this);
  summary_->setObjectName(QStringLiteral("labelErrorSummary"));
  summary_->setWordWrap(true);
  summary_->setTextFormat(Qt::PlainText);
  joint_ = makePlot(this, QStringLiteral("confidentJoint"), tr("Confident joint"));
  installExportMenu(joint_, QStringLiteral("confident-joint"));
  table_ = new QTableWidget(0, 6, this);
  table_->setObjectName(QStringLiteral("labelErrorTable"));
  table_->setHorizontalHeaderLabels({tr("Rank"), tr("Image"), tr("Training label"),
                                     tr("Confidently"), tr("Self-confidence"),
                                     tr("Changed (ground truth)")});
  table_->setIconSize(QSize(64, 64));
  table_->verticalHeader()->setDefaultSectionSize(68);
  table_->verticalHeader()->hide();
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  table_->horizontalHeader()->setStretchLastSection(true);
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setToolTip(
      tr("Suspected label errors, the least self-confident first. The last column uses the "
         "ground truth: it says how well the detector did and is never seen by it."));
  connect(table_, &QTableWidget::itemSelectionChanged, this, [this] {
    std::vector<int> chosen;
    for (const QModelIndex& r : table_->selectionModel()->selectedRows())
      chosen.push_back(table_->item(r.row(), 0)->data(Qt::UserRole).toInt());
    if (chosen.empty()) return;
    session_->selection()->select(chosen);
    session_->selection()->setCurrent(chosen.front());
  });

  auto* top = new QHBoxLayout;
  top->addWidget(new QLabel(tr("Result"), this));
  top->addWidget(detector_);
  top->addWidget(summary_, 1);
  auto* split = new QSplitter(Qt::Horizontal, this);
  split->addWidget(joint_);
  split->addWidget(table_);
  split->setStretchFactor(0, 2);
  split->setStretchFactor(1, 3);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(top);
  layout->addWidget(split, 1);

  connect(detector_, &QComboBox::activated, this, [this] { chosen_ = detector_->currentText(); });
  connect(detector_, &QComboBox::currentIndexChanged, this, &LabelErrorView::rebuild);
  refreshOnResults(this, session_, [this] { refreshDetectors(); });
  refreshDetectors();
}

void LabelErrorView::setDetector(const QString& name) {
  chosen_ = name;
  const int at = detector_->findText(name);
  if (at >= 0) detector_->setCurrentIndex(at);
}

QString LabelErrorView::summaryText() const { return summary_->text(); }

void LabelErrorView::refreshDetectors() {
  {
    const QSignalBlocker block(detector_);
    detector_->clear();
    for (const auto& d : session_->detections())
      if (isConfidentLearning(*d)) detector_->addItem(QString::fromStdString(d->name));
    detector_->setCurrentIndex(std::max(0, detector_->findText(chosen_)));
  }
  rebuild();
}

void LabelErrorView::rebuild() {
  table_->setRowCount(0);
  joint_->clearPlottables();
  const auto d = session_->detection(detector_->currentText());
  const auto data = session_->data();
  if (!d || !data || !isConfidentLearning(*d)) {
    summary_->setText(
        tr("No confident-learning result: run the label-error detector "
           "(Detectors, \"Confident learning\")."));
    joint_->replot();
    return;
  }
  const QStringList names = session_->classNames();
  auto name = [&](int c) { return c >= 0 && c < names.size() ? names[c] : QStringLiteral("-"); };
  // The confident joint from the record.
  const QJsonObject settings =
      QJsonDocument::fromJson(QByteArray::fromStdString(d->settingsJson)).object();
  std::vector<std::vector<int>> joint;
  for (const QJsonValue& row : settings.value(QStringLiteral("confident_joint")).toArray()) {
    std::vector<int> r;
    for (const QJsonValue& v : row.toArray()) r.push_back(v.toInt());
    joint.push_back(std::move(r));
  }
  if (joint.size() == std::size_t(names.size()))
    drawConfusion(joint_, joint, names,
                  tr("Confident joint: training label (rows) against the class the "
                     "probabilities confidently name"));
  joint_->replot();

  const auto* self = column(*d, "self_confidence");
  const auto* guess = column(*d, "confident_class");
  std::vector<std::size_t> order;
  for (std::size_t k = 0; k < d->indices.size(); ++k)
    if (d->flagged[k]) order.push_back(k);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return d->scores[a] > d->scores[b]; });
  const std::size_t flagged = order.size();
  std::size_t changed = 0;
  for (std::size_t k : order) changed += d->poisoned[k];
  order.resize(std::min<std::size_t>(order.size(), kMaxRows));
  table_->setRowCount(int(order.size()));
  for (int row = 0; row < int(order.size()); ++row) {
    const std::size_t k = order[std::size_t(row)];
    const auto i = static_cast<std::size_t>(d->indices[k]);
    auto* rank = new QTableWidgetItem(QString::number(row + 1));
    rank->setData(Qt::UserRole, int(i));
    table_->setItem(row, 0, rank);
    auto* img = new QTableWidgetItem(
        framedThumbnail(toQImage(data->train.image(i)), 64, d->poisoned[k]), QString::number(i));
    table_->setItem(row, 1, img);
    table_->setItem(row, 2, new QTableWidgetItem(name(d->labels[k])));
    table_->setItem(row, 3, new QTableWidgetItem(guess ? name(int((*guess)[k])) : QString()));
    table_->setItem(row, 4, new QTableWidgetItem(self ? uiPercent((*self)[k], 1) : QString()));
    const int truth = data->clean->train.labels[i];
    table_->setItem(
        row, 5,
        new QTableWidgetItem(
            d->poisoned[k] ? tr("yes: %1 -> %2").arg(name(truth), name(d->labels[k])) : tr("no")));
  }
  summary_->setText(tr("%L1 suspected label errors of %L2 training images (%L3 estimated); "
                       "%L4 of them were changed by the attack (precision %5, recall %6, "
                       "AUROC %7; ground truth, never seen by the detector)")
                        .arg(flagged)
                        .arg(d->indices.size())
                        .arg(qint64(figureOf(d->figures, "estimated_label_errors")))
                        .arg(changed)
                        .arg(uiPercent(d->overall.precision, 1), uiPercent(d->overall.recall, 1))
                        .arg(d->overall.auroc, 0, 'f', 3));
}

}  // namespace poisonlab::gui
