#include "sample_browser.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QStandardItemModel>
#include <QVBoxLayout>

#include <algorithm>

#include "core/util/atomic_file.h"

#include "sample_delegate.h"
#include "sample_model.h"

namespace poisonlab::gui {
namespace {
constexpr int kAnyPrediction = -1;
constexpr int kMisclassified = -2;
}  // namespace

SampleBrowser::SampleBrowser(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("sampleBrowser"));
  model_ = new SampleModel(this);
  filter_ = new SampleFilter(this);
  filter_->setSourceModel(model_);
  delegate_ = new SampleDelegate(this);

  view_ = new QListView(this);
  view_->setObjectName(QStringLiteral("sampleGrid"));
  view_->setViewMode(QListView::IconMode);
  view_->setResizeMode(QListView::Adjust);
  view_->setMovement(QListView::Static);
  view_->setUniformItemSizes(true);
  view_->setSelectionMode(QAbstractItemView::ExtendedSelection);
  view_->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
  view_->setSpacing(2);
  view_->setItemDelegate(delegate_);
  view_->setModel(filter_);

  classBox_ = new QComboBox(this);
  classBox_->setObjectName(QStringLiteral("classFilter"));
  poisonBox_ = new QComboBox(this);
  poisonBox_->setObjectName(QStringLiteral("poisonFilter"));
  poisonBox_->addItem(tr("All samples"));
  poisonBox_->addItem(tr("Poisoned only"));
  poisonBox_->addItem(tr("Clean only"));
  predictedBox_ = new QComboBox(this);
  predictedBox_->setObjectName(QStringLiteral("predictedFilter"));
  predictedBox_->setToolTip(tr("Filter by the model's prediction (train a model first)"));
  sortBox_ = new QComboBox(this);
  sortBox_->setObjectName(QStringLiteral("sortBy"));
  sortBox_->addItem(tr("Sort: index"), int(SampleFilter::SortKey::Index));
  sortBox_->addItem(tr("Sort: label"), int(SampleFilter::SortKey::Label));
  sortBox_->addItem(tr("Sort: predicted class"), int(SampleFilter::SortKey::Predicted));
  sortBox_->addItem(tr("Sort: confidence"), int(SampleFilter::SortKey::Confidence));
  search_ = new QLineEdit(this);
  search_->setObjectName(QStringLiteral("indexSearch"));
  search_->setPlaceholderText(tr("Go to index…"));
  search_->setClearButtonEnabled(true);
  search_->setMaximumWidth(140);
  markTrigger_ = new QCheckBox(tr("Trigger location"), this);
  markTrigger_->setObjectName(QStringLiteral("markTrigger"));
  markTrigger_->setToolTip(tr("Outline the trigger's position on every thumbnail"));
  count_ = new QLabel(this);
  count_->setObjectName(QStringLiteral("sampleCount"));

  // Two rows, so the grid fits beside the docks on a laptop screen.
  for (QComboBox* box : {classBox_, poisonBox_, predictedBox_, sortBox_}) {
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    box->setMinimumContentsLength(9);
  }
  auto* bar = new QHBoxLayout;
  bar->addWidget(new QLabel(tr("Class:"), this));
  bar->addWidget(classBox_);
  bar->addWidget(poisonBox_);
  bar->addWidget(predictedBox_);
  bar->addWidget(sortBox_);
  bar->addStretch(1);
  auto* bar2 = new QHBoxLayout;
  bar2->addWidget(search_);
  bar2->addWidget(markTrigger_);
  bar2->addStretch(1);
  bar2->addWidget(count_);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addLayout(bar);
  layout->addLayout(bar2);
  layout->addWidget(view_, 1);

  connect(classBox_, &QComboBox::currentIndexChanged, this, [this](int i) {
    filter_->setClassFilter(classBox_->itemData(i).toInt());
    updateCount();
  });
  connect(poisonBox_, &QComboBox::currentIndexChanged, this, [this](int i) {
    filter_->setPoisonFilter(static_cast<SampleFilter::Poison>(i));
    updateCount();
  });
  connect(predictedBox_, &QComboBox::currentIndexChanged, this, [this](int i) {
    const int v = predictedBox_->itemData(i).toInt();
    filter_->setMisclassifiedOnly(v == kMisclassified);
    filter_->setPredictedFilter(v >= 0 ? v : -1);
    updateCount();
  });
  connect(sortBox_, &QComboBox::currentIndexChanged, this, [this](int i) {
    filter_->setSortKey(static_cast<SampleFilter::SortKey>(sortBox_->itemData(i).toInt()));
    const QModelIndex current = view_->currentIndex();
    if (current.isValid()) view_->scrollTo(current, QAbstractItemView::PositionAtCenter);
  });
  connect(search_, &QLineEdit::textChanged, this, [this](const QString& t) {
    filter_->setIndexFilter(t);
    updateCount();
    if (filter_->rowCount() == 1) view_->setCurrentIndex(filter_->index(0, 0));
  });
  connect(markTrigger_, &QCheckBox::toggled, this, [this](bool on) {
    const auto data = model_->dataset();
    delegate_->setTriggerMark(on && data ? std::optional<TriggerSpec>(data->trigger)
                                         : std::nullopt);
    view_->viewport()->update();
  });
  connect(view_->selectionModel(), &QItemSelectionModel::currentChanged, this,
          [this](const QModelIndex& current) { emit currentSampleChanged(current); });
  setDataset(nullptr);
}

QItemSelectionModel* SampleBrowser::selectionModel() const { return view_->selectionModel(); }

void SampleBrowser::setDataset(std::shared_ptr<const PoisonedDataset> data) {
  model_->setDataset(data);
  const QSignalBlocker block(classBox_);
  classBox_->clear();
  classBox_->addItem(tr("All classes"), -1);
  if (data)
    for (std::size_t c = 0; c < data->classNames().size(); ++c)
      classBox_->addItem(
          QStringLiteral("%1 %2").arg(c).arg(QString::fromStdString(data->classNames()[c])),
          int(c));
  filter_->setClassFilter(-1);
  setPredictions({}, 0);
  delegate_->setTriggerMark(
      markTrigger_->isChecked() && data ? std::optional<TriggerSpec>(data->trigger) : std::nullopt);
  setEnabled(data != nullptr);
  updateCount();
}

void SampleBrowser::selectSample(int sampleIndex) {
  int row = filter_->rowOfIndex(sampleIndex);
  if (row < 0) {
    classBox_->setCurrentIndex(0);
    poisonBox_->setCurrentIndex(0);
    search_->clear();
    row = filter_->rowOfIndex(sampleIndex);
  }
  if (row < 0) return;
  const QModelIndex idx = filter_->index(row, 0);
  view_->setCurrentIndex(idx);
  view_->scrollTo(idx, QAbstractItemView::PositionAtCenter);
}

void SampleBrowser::setPredictions(std::vector<float> probabilities, int classes) {
  model_->setPredictions(std::move(probabilities), classes);
  const QSignalBlocker block(predictedBox_);
  predictedBox_->clear();
  predictedBox_->addItem(tr("Any prediction"), kAnyPrediction);
  const bool have = model_->hasPredictions();
  if (have) {
    predictedBox_->addItem(tr("Misclassified"), kMisclassified);
    const auto& names = model_->dataset()->classNames();
    for (std::size_t c = 0; c < names.size(); ++c)
      predictedBox_->addItem(tr("Predicted %1 %2").arg(c).arg(QString::fromStdString(names[c])),
                             int(c));
  }
  predictedBox_->setEnabled(have);
  filter_->setPredictedFilter(-1);
  filter_->setMisclassifiedOnly(false);
  auto* items = qobject_cast<QStandardItemModel*>(sortBox_->model());
  for (int row : {2, 3})
    if (QStandardItem* item = items ? items->item(row) : nullptr) item->setEnabled(have);
  if (!have && sortBox_->currentIndex() >= 2) sortBox_->setCurrentIndex(0);
  updateCount();
}

void SampleBrowser::step(int delta) {
  const int rows = filter_->rowCount();
  if (rows == 0) return;
  const QModelIndex current = view_->currentIndex();
  const int row = std::clamp(current.isValid() ? current.row() + delta : 0, 0, rows - 1);
  const QModelIndex next = filter_->index(row, 0);
  view_->setCurrentIndex(next);
  view_->scrollTo(next);
}

std::vector<int> SampleBrowser::visibleIndices() const {
  std::vector<int> out;
  out.reserve(static_cast<std::size_t>(filter_->rowCount()));
  for (int r = 0; r < filter_->rowCount(); ++r)
    out.push_back(filter_->index(r, 0).data(SampleModel::IndexRole).toInt());
  return out;
}

void SampleBrowser::exportCsv(const QString& path) const {
  std::string csv = "index,label,label_name,original_label,poisoned,predicted,confidence\n";
  for (int r = 0; r < filter_->rowCount(); ++r) {
    const QModelIndex i = filter_->index(r, 0);
    const int predicted = i.data(SampleModel::PredictedRole).toInt();
    csv += QStringLiteral("%1,%2,%3,%4,%5,%6,%7\n")
               .arg(i.data(SampleModel::IndexRole).toInt())
               .arg(i.data(SampleModel::LabelRole).toInt())
               .arg(i.data(SampleModel::ClassNameRole).toString())
               .arg(i.data(SampleModel::OriginalLabelRole).toInt())
               .arg(i.data(SampleModel::PoisonedRole).toBool() ? 1 : 0)
               .arg(predicted >= 0 ? QString::number(predicted) : QString())
               .arg(predicted >= 0
                        ? QString::number(i.data(SampleModel::ConfidenceRole).toDouble(), 'g', 6)
                        : QString())
               .toStdString();
  }
  writeFileAtomic(path.toStdString(), csv);
}

void SampleBrowser::updateCount() {
  const int total = model_->rowCount();
  const int shown = filter_->rowCount();
  count_->setText(total == 0 ? tr("No data") : tr("%L1 of %L2 samples").arg(shown).arg(total));
}

}  // namespace poisonlab::gui
