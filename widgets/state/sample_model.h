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
    ScoreRole,                     ///< double: the shown detector's score, NaN without
    FlaggedRole,                   ///< bool: flagged by the shown detector
    SelectedRole,                  ///< bool: in the shared selection
    SplitRole,                     ///< int: the SampleModel::Split the row belongs to
  };
  /// Which images the model lists: the (poisoned) training set, the clean test set, or the
  /// triggered test set (every source-class test image with the trigger). Predictions,
  /// detector scores and the selection belong to the training set only.
  enum class Split { Train, Test, TriggeredTest };

  explicit SampleModel(QObject* parent = nullptr);
  /// Shows `data` (null clears the model).
  void setDataset(std::shared_ptr<const PoisonedDataset> data);
  void setSplit(Split split);
  Split split() const { return split_; }
  std::shared_ptr<const PoisonedDataset> dataset() const { return data_; }

  /// The model's class probabilities for every training image (N x classes, row-major), as
  /// core::classProbabilities returns them; empty clears. Sizes must match the data set.
  void setPredictions(std::vector<float> probabilities, int classes);
  bool hasPredictions() const { return classes_ > 0; }
  /// One detector's score and flag for every training sample (empty clears); sizes must match.
  void setScores(const QString& detector, std::vector<double> scores,
                 std::vector<std::uint8_t> flagged);
  QString scoreDetector() const { return scoreDetector_; }
  /// The shared selection SelectedRole reads (null: nothing is selected).
  void setSelection(const class SampleSelection* selection) { selection_ = selection; }
  bool hasScores() const { return !scores_.empty(); }
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
  QString scoreDetector_;
  const SampleSelection* selection_ = nullptr;
  Split split_ = Split::Train;
  /// The images and labels of the listed split.
  const poisonlab::Split& images() const;
  bool train() const { return split_ == Split::Train; }
  std::vector<double> scores_;
  std::vector<std::uint8_t> flagged_;
};

/// Filters a SampleModel. Every view of samples goes through one of these.
class SampleFilter : public QSortFilterProxyModel {
  Q_OBJECT
 public:
  /// LabelChanged: the training label differs from the original (a label-only run's poisons,
  /// a dirty-label run's too).
  enum class Poison { Any, PoisonedOnly, CleanOnly, LabelChanged };
  /// What the samples are ordered by (ascending; the index breaks ties).
  enum class SortKey { Index, Label, Predicted, Confidence, Score };
  enum class Flag { Any, FlaggedOnly, UnflaggedOnly };
  explicit SampleFilter(QObject* parent = nullptr);
  void setClassFilter(int label);  ///< -1 = every class
  void setPoisonFilter(Poison p);
  /// Shows only the sample with this training index (empty = no index filter).
  void setIndexFilter(const QString& text);
  /// Only samples the model predicts as `label` (-1 = any prediction).
  void setPredictedFilter(int label);
  /// Only samples whose prediction differs from their (current) label.
  void setMisclassifiedOnly(bool on);
  /// Only samples the shown detector flagged (or did not).
  void setFlagFilter(Flag f);
  Flag flagFilter() const { return flag_; }
  /// Sorting: ascending, except Score (the most suspicious first).
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
  Flag flag_ = Flag::Any;
  int index_ = -1;
};

}  // namespace poisonlab::gui
