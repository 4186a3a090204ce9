#include "sample_browser.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QVBoxLayout>

#include "sample_delegate.h"
#include "sample_model.h"

namespace poisonlab::gui {

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

  auto* bar = new QHBoxLayout;
  bar->addWidget(new QLabel(tr("Class:"), this));
  bar->addWidget(classBox_);
  bar->addWidget(poisonBox_);
  bar->addWidget(search_);
  bar->addWidget(markTrigger_);
  bar->addStretch(1);
  bar->addWidget(count_);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addLayout(bar);
  layout->addWidget(view_, 1);

  connect(classBox_, &QComboBox::currentIndexChanged, this, [this](int i) {
    filter_->setClassFilter(classBox_->itemData(i).toInt());
    updateCount();
  });
  connect(poisonBox_, &QComboBox::currentIndexChanged, this, [this](int i) {
    filter_->setPoisonFilter(static_cast<SampleFilter::Poison>(i));
    updateCount();
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

void SampleBrowser::updateCount() {
  const int total = model_->rowCount();
  const int shown = filter_->rowCount();
  count_->setText(total == 0 ? tr("No data") : tr("%L1 of %L2 samples").arg(shown).arg(total));
}

}  // namespace poisonlab::gui
