#pragma once
// The training samples of a poisoned data set as a Qt list model, and the filter every sample
// view shares (class, poisoned/clean, index search).

#include <QAbstractListModel>
#include <QCache>
#include <QImage>
#include <QSortFilterProxyModel>

#include <memory>

#include "core/attack/poison.h"

namespace poisonlab::gui {

class SampleModel : public QAbstractListModel {
  Q_OBJECT
 public:
  enum Role {
    IndexRole = Qt::UserRole + 1,  ///< int: index in the training split
    LabelRole,                     ///< int: current (possibly poisoned) label
    OriginalLabelRole,             ///< int: label before poisoning
    PoisonedRole,                  ///< bool: ground truth
    ImageRole,                     ///< QImage 32x32 as the model sees it
    CleanImageRole,                ///< QImage 32x32 before poisoning
    ClassNameRole,                 ///< QString: name of the current label
    OriginalClassNameRole,         ///< QString: name of the original label
    PredictedRole,                 ///< int: the model's predicted class, -1 without a model
    ConfidenceRole,                ///< double: probability of the predicted class, -1 without
    ProbabilitiesRole,             ///< QList<float>: every class's probability, empty without
  };

  explicit SampleModel(QObject* parent = nullptr);
  /// Shows `data` (null clears the model).
  void setDataset(std::shared_ptr<const PoisonedDataset> data);
  std::shared_ptr<const PoisonedDataset> dataset() const { return data_; }

  /// The model's class probabilities for every training image (N x classes, row-major), as
  /// core::classProbabilities returns them; empty clears. Sizes must match the data set.
  void setPredictions(std::vector<float> probabilities, int classes);
  bool hasPredictions() const { return classes_ > 0; }
  int predicted(int row) const;

  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QString className(int label) const;

 private:
  std::shared_ptr<const PoisonedDataset> data_;
  mutable QCache<int, QImage> thumbs_{4096};
  std::vector<float> probabilities_;
  std::vector<int> predicted_;
  int classes_ = 0;
};

/// Filters a SampleModel. Every view of samples goes through one of these.
class SampleFilter : public QSortFilterProxyModel {
  Q_OBJECT
 public:
  enum class Poison { Any, PoisonedOnly, CleanOnly };
  /// What the samples are ordered by (ascending; the index breaks ties).
  enum class SortKey { Index, Label, Predicted, Confidence };
  explicit SampleFilter(QObject* parent = nullptr);
  void setClassFilter(int label);  ///< -1 = every class
  void setPoisonFilter(Poison p);
  /// Shows only the sample with this training index (empty = no index filter).
  void setIndexFilter(const QString& text);
  /// Only samples the model predicts as `label` (-1 = any prediction).
  void setPredictedFilter(int label);
  /// Only samples whose prediction differs from their (current) label.
  void setMisclassifiedOnly(bool on);
  void setSortKey(SortKey key);
  SortKey sortKey() const { return sortKey_; }
  int predictedFilter() const { return predicted_; }
  int classFilter() const { return class_; }
  Poison poisonFilter() const { return poison_; }
  /// Row in this proxy of a training index, or -1 when filtered out.
  int rowOfIndex(int sampleIndex) const;

 protected:
  bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
  bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

 private:
  int predicted_ = -1;
  bool misclassified_ = false;
  SortKey sortKey_ = SortKey::Index;
  int class_ = -1;
  Poison poison_ = Poison::Any;
  int index_ = -1;
};

}  // namespace poisonlab::gui
