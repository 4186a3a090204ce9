#pragma once
// The selected sample enlarged (nearest neighbour): the image the model sees next to the clean
// original, the trigger's square outlined on request, and its index and labels.

#include <QWidget>

#include <memory>
#include <optional>

#include "core/attack/poison.h"

#include "core/attack/trigger.h"
#include "core/train/saliency.h"
#include "plot/pixel_view.h"

class QLabel;
class QCheckBox;
class QComboBox;
class QModelIndex;
class QCustomPlot;

namespace poisonlab::gui {

class SampleInspector : public QWidget {
  Q_OBJECT
 public:
  explicit SampleInspector(QWidget* parent = nullptr);
  /// Shows the sample at `index` of a SampleModel (or a filter over one); invalid clears.
  void showSample(const QModelIndex& index);
  void setTrigger(std::optional<TriggerSpec> trigger);
  bool triggerOverlay() const;
  void setTriggerOverlay(bool on);
  /// The class-probability bar chart (hidden until a model has predicted).
  QCustomPlot* probabilityChart() const { return chart_; }
  /// Every detector's score of the shown sample: (detector, score, flagged).
  struct Score {
    QString detector;
    double score;
    bool flagged;
  };
  void setScores(const QVector<Score>& scores);
  QString scoresText() const;
  /// Saliency: off (-1) or a SaliencyMethod; while on, every new sample asks for its map.
  void setSaliencyMethod(int method);
  int saliencyMethod() const;
  /// The map of image `index` of `split` (a SampleModel::Split; ignored unless it is the shown
  /// image).
  void setSaliency(int index, int split, const poisonlab::SaliencyMap& map);
  QString saliencyText() const;
  int shownIndex() const { return index_; }
  int shownSplit() const { return split_; }

 signals:
  /// Left/Right pressed in the inspector: step through the current filtered list.
  void stepRequested(int delta);
  /// The shown image's saliency is wanted (method: a SaliencyMethod; split: a
  /// SampleModel::Split).
  void saliencyRequested(int index, int method, int split);

 protected:
  void keyPressEvent(QKeyEvent* event) override;

 private:
  void refreshMarks();
  void showProbabilities(const QList<float>& probabilities, const QStringList& names, int label,
                         int original);
  PixelView* modelView_;
  PixelView* cleanView_;
  PixelView* saliencyView_;
  QComboBox* saliency_;
  QLabel* saliencyText_;
  QLabel* scores_;
  int index_ = -1;
  int split_ = 0;                                // SampleModel::Split of the shown image
  std::shared_ptr<const PoisonedDataset> data_;  // of the shown sample
  QLabel* title_;
  QLabel* details_;
  QCheckBox* overlay_;
  QCustomPlot* chart_;
  std::optional<TriggerSpec> trigger_;
};

}  // namespace poisonlab::gui
