#include "views/sample_browser.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QAction>
#include <QGuiApplication>
#include <QStandardItemModel>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

#include "core/util/atomic_file.h"

#include "views/sample_delegate.h"
#include "state/sample_model.h"
#include "state/session.h"

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
  // The grid draws the session's one selection (SelectedRole) and changes it on clicks and keys;
  // it keeps no selection of its own, so a selection of any size costs a repaint.
  view_->setSelectionMode(QAbstractItemView::NoSelection);
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
  poisonBox_->addItem(tr("Label changed"));
  predictedBox_ = new QComboBox(this);
  predictedBox_->setObjectName(QStringLiteral("predictedFilter"));
  predictedBox_->setToolTip(tr("Filter by the model's prediction (train a model first)"));
  sortBox_ = new QComboBox(this);
  sortBox_->setObjectName(QStringLiteral("sortBy"));
  sortBox_->addItem(tr("Sort: index"), int(SampleFilter::SortKey::Index));
  sortBox_->addItem(tr("Sort: label"), int(SampleFilter::SortKey::Label));
  sortBox_->addItem(tr("Sort: predicted class"), int(SampleFilter::SortKey::Predicted));
  sortBox_->addItem(tr("Sort: confidence"), int(SampleFilter::SortKey::Confidence));
  sortBox_->addItem(tr("Sort: detector score"), int(SampleFilter::SortKey::Score));
  splitBox_ = new QComboBox(this);
  splitBox_->setObjectName(QStringLiteral("splitBox"));
  splitBox_->addItem(tr("Training set"));
  splitBox_->addItem(tr("Clean test set"));
  splitBox_->addItem(tr("Triggered test set"));
  splitBox_->setToolTip(
      tr("Browse the test sets too: a test image chosen here is the Influence "
         "view's test point"));
  detectorBox_ = new QComboBox(this);
  detectorBox_->setObjectName(QStringLiteral("detectorColumn"));
  detectorBox_->setToolTip(tr("Show a detector's score and flags (orange corner: flagged)"));
  flagBox_ = new QComboBox(this);
  flagBox_->setObjectName(QStringLiteral("flagFilter"));
  flagBox_->addItem(tr("Flagged or not"));
  flagBox_->addItem(tr("Flagged only"));
  flagBox_->addItem(tr("Not flagged"));
  search_ = new QLineEdit(this);
  search_->setObjectName(QStringLiteral("indexSearch"));
  search_->setPlaceholderText(tr("Go to index…"));
  search_->setClearButtonEnabled(true);
  search_->setMaximumWidth(140);
  markTrigger_ = new QCheckBox(tr("Trigger location"), this);
  markTrigger_->setObjectName(QStringLiteral("markTrigger"));
  markTrigger_->setToolTip(tr("Outline the trigger's position on every thumbnail"));
  count_ = new QLabel(this);
  count_->setTextFormat(Qt::PlainText);  // plain: it may show the user's names and paths
  count_->setObjectName(QStringLiteral("sampleCount"));

  // Two rows, so the grid fits beside the docks on a laptop screen. The boxes of fixed items
  // are as wide as their longest item in the window's language (German ones are longer); the
  // ones filled from data (classes, detectors) have a minimum and grow with their current item.
  for (QComboBox* box : {splitBox_, poisonBox_, sortBox_, flagBox_})
    box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  for (QComboBox* box : {classBox_, predictedBox_, detectorBox_}) {
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    box->setMinimumContentsLength(12);
  }
  auto* bar = new QHBoxLayout;
  bar->addWidget(splitBox_);
  bar->addWidget(new QLabel(tr("Class:"), this));
  bar->addWidget(classBox_);
  bar->addWidget(poisonBox_);
  bar->addWidget(predictedBox_);
  bar->addWidget(sortBox_);
  bar->addStretch(1);
  auto* bar2 = new QHBoxLayout;
  bar2->addWidget(search_);
  bar2->addWidget(detectorBox_);
  bar2->addWidget(flagBox_);
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
  connect(splitBox_, &QComboBox::currentIndexChanged, this, [this](int i) {
    model_->setSplit(static_cast<SampleModel::Split>(i));
    anchorRow_ = -1;
    updateCount();
  });
  connect(detectorBox_, &QComboBox::currentIndexChanged, this,
          [this] { showDetector(detectorBox_->currentData().toString()); });
  connect(flagBox_, &QComboBox::currentIndexChanged, this, [this](int i) {
    filter_->setFlagFilter(static_cast<SampleFilter::Flag>(i));
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
  connect(view_, &QAbstractItemView::activated, this, &SampleBrowser::sampleActivated);
  connect(view_->selectionModel(), &QItemSelectionModel::currentChanged, this,
          [this](const QModelIndex& current) {
            emit currentSampleChanged(current);
            if (!current.isValid()) return;
            if (model_->split() != SampleModel::Split::Train) {
              emit testSampleChosen(current.data(SampleModel::IndexRole).toInt(),
                                    model_->split() == SampleModel::Split::TriggeredTest);
              return;
            }
            if (!session_ || syncing_) return;
            syncing_ = true;
            session_->selection()->setCurrent(current.data(SampleModel::IndexRole).toInt());
            syncing_ = false;
            // Keyboard moves select as they go (a mouse press is handled on its own).
            if (QGuiApplication::mouseButtons() == Qt::NoButton)
              selectFromGrid(current, QGuiApplication::keyboardModifiers());
          });
  connect(view_, &QAbstractItemView::pressed, this, [this](const QModelIndex& index) {
    selectFromGrid(index, QGuiApplication::keyboardModifiers());
  });
  auto* selectAll = new QAction(tr("Select all shown"), view_);
  selectAll->setShortcut(QKeySequence::SelectAll);
  selectAll->setShortcutContext(Qt::WidgetShortcut);
  connect(selectAll, &QAction::triggered, this, [this] {
    if (session_ && model_->split() == SampleModel::Split::Train)
      session_->selection()->select(visibleIndices());
  });
  view_->addAction(selectAll);
  // Whatever changes the filtered list tells the session what is shown (once per event loop).
  connect(filter_, &QAbstractItemModel::layoutChanged, this, [this] { pushShown(); });
  connect(filter_, &QAbstractItemModel::modelReset, this, [this] { pushShown(); });
  connect(filter_, &QAbstractItemModel::rowsInserted, this, [this] { pushShown(); });
  connect(filter_, &QAbstractItemModel::rowsRemoved, this, [this] { pushShown(); });
  setDataset(nullptr);
}

QItemSelectionModel* SampleBrowser::selectionModel() const { return view_->selectionModel(); }

void SampleBrowser::setDataset(std::shared_ptr<const PoisonedDataset> data) {
  {
    const QSignalBlocker block(splitBox_);
    splitBox_->setCurrentIndex(0);
  }
  model_->setSplit(SampleModel::Split::Train);
  model_->setDataset(data);
  anchorRow_ = -1;
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

void SampleBrowser::setSplit(int split) { splitBox_->setCurrentIndex(split); }

void SampleBrowser::selectSample(int sampleIndex) {
  splitBox_->setCurrentIndex(0);  // a sample index is a training index
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
  const int selected = session_ ? session_->selection()->size() : 0;
  count_->setText(total == 0 ? tr("No data")
                  : selected > 0
                      ? tr("%L1 selected / %L2 shown of %L3").arg(selected).arg(shown).arg(total)
                      : tr("%L1 of %L2 samples").arg(shown).arg(total));
}

void SampleBrowser::setSession(Session* session) {
  session_ = session;
  model_->setSelection(session->selection());
  connect(session, &Session::dataChanged, this, [this] { setDataset(session_->data()); });
  connect(session, &Session::predictionsChanged, this,
          [this] { setPredictions(session_->predictions(), session_->classNames().size()); });
  connect(session, &Session::detectionsChanged, this, &SampleBrowser::refreshDetectors);
  connect(session->selection(), &SampleSelection::changed, this, [this] {
    pullSelectionFromSession();
    updateCount();
  });
  connect(session->selection(), &SampleSelection::currentChanged, this, [this](int index) {
    if (syncing_ || index < 0 || model_->split() != SampleModel::Split::Train) return;
    const int row = filter_->rowOfIndex(index);
    if (row < 0) return;
    const QModelIndex idx = filter_->index(row, 0);
    syncing_ = true;
    view_->selectionModel()->setCurrentIndex(idx, QItemSelectionModel::NoUpdate);
    syncing_ = false;
    emit currentSampleChanged(idx);
    view_->scrollTo(idx, QAbstractItemView::PositionAtCenter);
  });
  setDataset(session->data());
}

void SampleBrowser::refreshDetectors() {
  const QString keep = detectorBox_->currentData().toString();
  {
    const QSignalBlocker block(detectorBox_);
    detectorBox_->clear();
    detectorBox_->addItem(tr("No detector"), QString());
    if (session_)
      for (const auto& d : session_->detections())
        detectorBox_->addItem(tr("Detector: %1").arg(QString::fromStdString(d->name)),
                              QString::fromStdString(d->name));
    detectorBox_->setCurrentIndex(std::max(0, detectorBox_->findData(keep)));
  }
  showDetector(detectorBox_->currentData().toString());
}

void SampleBrowser::showDetector(const QString& detector) {
  const int at = detectorBox_->findData(detector);
  if (at >= 0 && at != detectorBox_->currentIndex()) {
    detectorBox_->setCurrentIndex(at);  // comes back here through the signal
    return;
  }
  auto d = session_ && !detector.isEmpty() ? session_->detection(detector) : nullptr;
  const std::size_t n = model_->dataset() ? model_->dataset()->train.count() : 0;
  std::vector<double> scores;
  std::vector<std::uint8_t> flagged;
  if (d) {
    scores.assign(n, std::nan(""));
    flagged.assign(n, 0);
    for (std::size_t k = 0; k < d->indices.size(); ++k) {
      const auto i = static_cast<std::size_t>(d->indices[k]);
      if (i >= n) continue;
      scores[i] = d->scores[k];
      flagged[i] = d->flagged[k];
    }
  }
  model_->setScores(detector, std::move(scores), std::move(flagged));
  const bool have = model_->hasScores();
  flagBox_->setEnabled(have);
  if (!have) flagBox_->setCurrentIndex(0);
  auto* items = qobject_cast<QStandardItemModel*>(sortBox_->model());
  if (QStandardItem* item = items ? items->item(4) : nullptr) item->setEnabled(have);
  if (!have && sortBox_->currentIndex() == 4) sortBox_->setCurrentIndex(0);
  if (filter_->sortKey() == SampleFilter::SortKey::Score ||
      filter_->flagFilter() != SampleFilter::Flag::Any)
    filter_->invalidate();
  updateCount();
}

void SampleBrowser::setFlagFilter(int flagFilter) { flagBox_->setCurrentIndex(flagFilter); }

void SampleBrowser::selectFromGrid(const QModelIndex& index, Qt::KeyboardModifiers mods) {
  // The selection is of training samples.
  if (!session_ || !index.isValid() || model_->split() != SampleModel::Split::Train) return;
  const int sample = index.data(SampleModel::IndexRole).toInt();
  SampleSelection* sel = session_->selection();
  if (mods & Qt::ShiftModifier) {
    // From the anchor to here, in the grid's order.
    const int from =
        std::clamp(anchorRow_ >= 0 ? anchorRow_ : index.row(), 0, filter_->rowCount() - 1);
    std::vector<int> range;
    for (int r = std::min(from, index.row()); r <= std::max(from, index.row()); ++r)
      range.push_back(filter_->index(r, 0).data(SampleModel::IndexRole).toInt());
    sel->select(std::move(range), (mods & Qt::ControlModifier) ? SampleSelection::Mode::Add
                                                               : SampleSelection::Mode::Replace);
    return;
  }
  anchorRow_ = index.row();
  sel->select({sample}, (mods & Qt::ControlModifier) ? SampleSelection::Mode::Toggle
                                                     : SampleSelection::Mode::Replace);
}

void SampleBrowser::pullSelectionFromSession() { view_->viewport()->update(); }

void SampleBrowser::pushShown() {
  if (!session_ || shownPending_) return;
  shownPending_ = true;
  QTimer::singleShot(0, this, [this] {
    shownPending_ = false;
    if (!session_) return;
    if (model_->split() != SampleModel::Split::Train) {
      session_->setShown({});  // the training views show every training sample meanwhile
      updateCount();
      return;
    }
    const int total = model_->rowCount();
    const int shown = filter_->rowCount();
    std::vector<std::uint8_t> mask;
    if (shown < total) {
      mask.assign(static_cast<std::size_t>(total), 0);
      for (int r = 0; r < shown; ++r)
        mask[static_cast<std::size_t>(filter_->mapToSource(filter_->index(r, 0)).row())] = 1;
    }
    session_->setShown(std::move(mask));
    // The selection keeps hidden samples; the grid shows the part it can.
    pullSelectionFromSession();
    updateCount();
  });
}

}  // namespace poisonlab::gui
