#include "sample_model.h"

#include "sample_image.h"

namespace poisonlab::gui {

SampleModel::SampleModel(QObject* parent) : QAbstractListModel(parent) {}

void SampleModel::setDataset(std::shared_ptr<const PoisonedDataset> data) {
  beginResetModel();
  data_ = std::move(data);
  thumbs_.clear();
  endResetModel();
}

int SampleModel::rowCount(const QModelIndex& parent) const {
  if (parent.isValid() || !data_) return 0;
  return static_cast<int>(data_->train.count());
}

QString SampleModel::className(int label) const {
  if (!data_ || label < 0 || label >= static_cast<int>(data_->classNames().size())) return {};
  return QString::fromStdString(data_->classNames()[static_cast<std::size_t>(label)]);
}

QVariant SampleModel::data(const QModelIndex& index, int role) const {
  if (!data_ || !index.isValid() || index.row() < 0 || index.row() >= rowCount()) return {};
  const auto i = static_cast<std::size_t>(index.row());
  switch (role) {
    case Qt::DisplayRole:
      return QString::number(index.row());
    case Qt::ToolTipRole: {
      const int label = data_->train.labels[i];
      const int orig = data_->clean->train.labels[i];
      QString tip = tr("#%1  %2").arg(index.row()).arg(className(label));
      if (data_->poisonedMask[i]) tip += tr("\npoisoned: was %1").arg(className(orig));
      return tip;
    }
    case Qt::DecorationRole:
    case ImageRole: {
      if (QImage* cached = thumbs_.object(index.row())) return *cached;
      auto* img = new QImage(toQImage(data_->train.image(i)));
      thumbs_.insert(index.row(), img);
      return *img;
    }
    case CleanImageRole:
      return toQImage(data_->clean->train.image(i));
    case IndexRole:
      return index.row();
    case LabelRole:
      return int(data_->train.labels[i]);
    case OriginalLabelRole:
      return int(data_->clean->train.labels[i]);
    case ClassNameRole:
      return className(data_->train.labels[i]);
    case OriginalClassNameRole:
      return className(data_->clean->train.labels[i]);
    case PoisonedRole:
      return data_->poisonedMask[i] != 0;
    default:
      return {};
  }
}

SampleFilter::SampleFilter(QObject* parent) : QSortFilterProxyModel(parent) {}

void SampleFilter::setClassFilter(int label) {
  if (label == class_) return;
  class_ = label;
  invalidateFilter();
}

void SampleFilter::setPoisonFilter(Poison p) {
  if (p == poison_) return;
  poison_ = p;
  invalidateFilter();
}

void SampleFilter::setIndexFilter(const QString& text) {
  bool ok = false;
  const int v = text.trimmed().toInt(&ok);
  const int next = ok && v >= 0 ? v : -1;
  if (next == index_) return;
  index_ = next;
  invalidateFilter();
}

int SampleFilter::rowOfIndex(int sampleIndex) const {
  if (!sourceModel()) return -1;
  const QModelIndex p = mapFromSource(sourceModel()->index(sampleIndex, 0));
  return p.isValid() ? p.row() : -1;
}

bool SampleFilter::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
  const QModelIndex idx = sourceModel()->index(sourceRow, 0, sourceParent);
  if (index_ >= 0 && sourceRow != index_) return false;
  if (class_ >= 0 && idx.data(SampleModel::LabelRole).toInt() != class_) return false;
  if (poison_ != Poison::Any) {
    const bool poisoned = idx.data(SampleModel::PoisonedRole).toBool();
    if ((poison_ == Poison::PoisonedOnly) != poisoned) return false;
  }
  return true;
}

}  // namespace poisonlab::gui
