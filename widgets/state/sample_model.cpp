#include "state/sample_model.h"

#include <algorithm>
#include <cmath>

#include "state/sample_image.h"
#include "state/session.h"

namespace poisonlab::gui {

SampleModel::SampleModel(QObject* parent) : QAbstractListModel(parent) {}

void SampleModel::setDataset(std::shared_ptr<const PoisonedDataset> data) {
  beginResetModel();
  data_ = std::move(data);
  thumbs_.clear();
  probabilities_.clear();
  predicted_.clear();
  classes_ = 0;
  scoreDetector_.clear();
  scores_.clear();
  flagged_.clear();
  endResetModel();
}

void SampleModel::setPredictions(std::vector<float> probabilities, int classes) {
  const std::size_t n = data_ ? data_->train.count() : 0;
  if (classes <= 0 || probabilities.size() != n * static_cast<std::size_t>(classes)) {
    probabilities.clear();
    classes = 0;
  }
  probabilities_ = std::move(probabilities);
  classes_ = classes;
  predicted_.assign(classes_ ? n : 0, -1);
  for (std::size_t i = 0; i < predicted_.size(); ++i) {
    const float* p = probabilities_.data() + i * static_cast<std::size_t>(classes_);
    predicted_[i] = static_cast<int>(std::max_element(p, p + classes_) - p);
  }
  if (rowCount() > 0) emit dataChanged(index(0), index(rowCount() - 1));
}

void SampleModel::setScores(const QString& detector, std::vector<double> scores,
                            std::vector<std::uint8_t> flagged) {
  const std::size_t n = data_ ? data_->train.count() : 0;
  if (scores.size() != n || flagged.size() != n) {
    scores.clear();
    flagged.clear();
  }
  scoreDetector_ = scores.empty() ? QString() : detector;
  scores_ = std::move(scores);
  flagged_ = std::move(flagged);
  if (rowCount() > 0) emit dataChanged(index(0), index(rowCount() - 1));
}

int SampleModel::predicted(int row) const {
  return row >= 0 && static_cast<std::size_t>(row) < predicted_.size()
             ? predicted_[static_cast<std::size_t>(row)]
             : -1;
}

void SampleModel::setSplit(Split split) {
  if (split == split_) return;
  beginResetModel();
  split_ = split;
  thumbs_.clear();
  endResetModel();
}

const poisonlab::Split& SampleModel::images() const {
  switch (split_) {
    case Split::Test:
      return data_->clean->test;
    case Split::TriggeredTest:
      return data_->triggeredTest;
    case Split::Train:
      break;
  }
  return data_->train;
}

int SampleModel::rowCount(const QModelIndex& parent) const {
  if (parent.isValid() || !data_) return 0;
  return static_cast<int>(images().count());
}

QString SampleModel::className(int label) const {
  if (!data_ || label < 0 || label >= static_cast<int>(data_->classNames().size())) return {};
  return QString::fromStdString(data_->classNames()[static_cast<std::size_t>(label)]);
}

QVariant SampleModel::data(const QModelIndex& index, int role) const {
  if (!data_ || !index.isValid() || index.row() < 0 || index.row() >= rowCount()) return {};
  const auto i = static_cast<std::size_t>(index.row());
  const poisonlab::Split& split = images();
  // The clean original of a triggered test image is its test image without the trigger.
  const std::uint8_t* clean = split_ == Split::Train ? data_->clean->train.image(i)
                              : split_ == Split::Test
                                  ? data_->clean->test.image(i)
                                  : data_->clean->test.image(data_->triggeredTestIndices[i]);
  const int label = split.labels[i];
  const int original = train() ? int(data_->clean->train.labels[i]) : label;
  switch (role) {
    case Qt::DisplayRole:
      return QString::number(index.row());
    case Qt::ToolTipRole: {
      QString tip = tr("#%1  %2").arg(index.row()).arg(className(label));
      if (train() && data_->poisonedMask[i])
        tip += tr("\npoisoned: was %1").arg(className(original));
      if (train() && hasPredictions())
        tip += tr("\npredicted: %1 (%2 %)")
                   .arg(className(predicted_[i]))
                   .arg(100.0 * data(index, ConfidenceRole).toDouble(), 0, 'f', 1);
      return tip;
    }
    case Qt::DecorationRole:
    case ImageRole: {
      if (QImage* cached = thumbs_.object(index.row())) return *cached;
      auto* img = new QImage(toQImage(split.image(i)));
      thumbs_.insert(index.row(), img);
      return *img;
    }
    case CleanImageRole:
      return toQImage(clean);
    case IndexRole:
      return index.row();
    case LabelRole:
      return label;
    case OriginalLabelRole:
      return original;
    case ClassNameRole:
      return className(label);
    case OriginalClassNameRole:
      return className(original);
    case PoisonedRole:
      return train() && data_->poisonedMask[i] != 0;
    case SplitRole:
      return int(split_);
    case PredictedRole:
      return train() ? predicted(index.row()) : -1;
    case ConfidenceRole:
      return train() && hasPredictions()
                 ? double(probabilities_[i * static_cast<std::size_t>(classes_) +
                                         static_cast<std::size_t>(predicted_[i])])
                 : -1.0;
    case ScoreRole:
      return train() && i < scores_.size() ? scores_[i] : std::nan("");
    case FlaggedRole:
      return train() && i < flagged_.size() && flagged_[i] != 0;
    case SelectedRole:
      return train() && selection_ && selection_->contains(index.row());
    case ProbabilitiesRole: {
      QList<float> p;
      if (train() && hasPredictions()) {
        const float* row = probabilities_.data() + i * static_cast<std::size_t>(classes_);
        p = QList<float>(row, row + classes_);
      }
      return QVariant::fromValue(p);
    }
    default:
      return {};
  }
}

SampleFilter::SampleFilter(QObject* parent) : QSortFilterProxyModel(parent) {}

void SampleFilter::setPredictedFilter(int label) {
  if (label == predicted_) return;
  predicted_ = label;
  invalidateFilter();
}

void SampleFilter::setMisclassifiedOnly(bool on) {
  if (on == misclassified_) return;
  misclassified_ = on;
  invalidateFilter();
}

void SampleFilter::setFlagFilter(Flag f) {
  if (f == flag_) return;
  flag_ = f;
  invalidateFilter();
}

void SampleFilter::setSortKey(SortKey key) {
  sortKey_ = key;
  invalidate();
  sort(key == SortKey::Index ? -1 : 0, Qt::AscendingOrder);
}

bool SampleFilter::lessThan(const QModelIndex& left, const QModelIndex& right) const {
  auto key = [this](const QModelIndex& i) -> double {
    switch (sortKey_) {
      case SortKey::Label:
        return i.data(SampleModel::LabelRole).toInt();
      case SortKey::Predicted:
        return i.data(SampleModel::PredictedRole).toInt();
      case SortKey::Confidence:
        return i.data(SampleModel::ConfidenceRole).toDouble();
      case SortKey::Score: {
        const double v = i.data(SampleModel::ScoreRole).toDouble();
        return std::isfinite(v) ? -v : INFINITY;  // highest first, unscored last
      }
      case SortKey::Index:
        break;
    }
    return i.row();
  };
  const double a = key(left), b = key(right);
  return a != b ? a < b : left.row() < right.row();
}

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
  if (predicted_ >= 0 || misclassified_) {
    const int p = idx.data(SampleModel::PredictedRole).toInt();
    if (predicted_ >= 0 && p != predicted_) return false;
    if (misclassified_ && (p < 0 || p == idx.data(SampleModel::LabelRole).toInt())) return false;
  }
  if (flag_ != Flag::Any &&
      idx.data(SampleModel::FlaggedRole).toBool() != (flag_ == Flag::FlaggedOnly))
    return false;
  if (poison_ == Poison::LabelChanged)
    return idx.data(SampleModel::LabelRole).toInt() !=
           idx.data(SampleModel::OriginalLabelRole).toInt();
  if (poison_ != Poison::Any) {
    const bool poisoned = idx.data(SampleModel::PoisonedRole).toBool();
    if ((poison_ == Poison::PoisonedOnly) != poisoned) return false;
  }
  return true;
}

}  // namespace poisonlab::gui
