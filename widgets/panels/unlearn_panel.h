#pragma once
// Unlearning, interactively: choose a forget set (every poison, a fraction of them, what a
// detector flagged, or the current selection), move SSD's alpha and lambda on sliders or let
// the honest selection choose them, compare with retraining and fine-tuning, and run the
// corrective sweep. Every result is a model version in a list; one is current (made current
// or reverted through the session's undo stack) and is compared with the original: headline
// figures, per-class accuracy bars, confusion matrices, and the sweep's plot.

#include <QSet>
#include <QWidget>

#include "core/unlearn/unlearn.h"

class QCheckBox;
class QComboBox;
class QCustomPlot;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSlider;
class QSpinBox;
class QTabWidget;
class QTableWidget;

namespace poisonlab::gui {

class Session;

class UnlearnPanel : public QWidget {
  Q_OBJECT
 public:
  explicit UnlearnPanel(Session* session, QWidget* parent = nullptr);

  /// The forget set as a spec for resolveForgetSet, or empty for the current selection.
  QString forgetSpec() const;
  /// Chooses the forget set: "ground-truth", "ground-truth:F", "detector:NAME" or "selection".
  void setForget(const QString& spec);
  double alpha() const;
  double lambda() const;
  void setAlpha(double a);
  void setLambda(double l);
  /// The request the controls describe for `method` (forget indices filled for a selection).
  UnlearnRequest request(UnlearnMethod method, bool select = false) const;
  QTableWidget* versionsTable() const { return versions_; }
  QCustomPlot* perClassPlot() const { return perClass_; }
  QCustomPlot* sweepPlot() const { return sweep_; }
  QString headline() const;

 signals:
  /// `forgetSpec` empty: the request's forget set holds the selection's indices.
  void unlearnRequested(const poisonlab::UnlearnRequest& request, const QString& forgetSpec);
  void sweepRequested(const std::vector<double>& fractions,
                      const std::vector<poisonlab::UnlearnMethod>& methods,
                      const poisonlab::UnlearnRequest& base);
  /// A version lacks per-class figures for the comparison: evaluate it.
  void evaluateRequested(int version);

 private:
  QWidget* buildControls();
  void refreshForgetChoices();
  void refreshVersions();
  void refreshComparison();
  void updateSliderLabels();

  Session* session_;
  QComboBox* forget_;
  QDoubleSpinBox* fraction_;
  QSlider* alpha_;
  QSlider* lambda_;
  QLabel* alphaText_;
  QLabel* lambdaText_;
  QCheckBox* live_;
  QPushButton* applySsd_;
  QPushButton* select_;
  QPushButton* retrain_;
  QPushButton* finetune_;
  QSpinBox* ftEpochs_;
  QDoubleSpinBox* ftLr_;
  QLineEdit* sweepFractions_;
  QCheckBox* sweepSsd_;
  QCheckBox* sweepFinetune_;
  QCheckBox* sweepRetrain_;
  QPushButton* sweepRun_;
  QLabel* headline_;
  QTableWidget* versions_;
  QPushButton* undo_;
  QPushButton* redo_;
  QTabWidget* compare_;
  QCustomPlot* perClass_;
  QCustomPlot* confusionBefore_;
  QCustomPlot* confusionAfter_;
  QCustomPlot* sweep_;
  QSet<QString> asked_;
  double alphaValue_ = 10, lambdaValue_ = 1;  // models whose full evaluation was asked for
};

}  // namespace poisonlab::gui
