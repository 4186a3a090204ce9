#pragma once
// Activation clustering, looked at: a class's activations on their first two principal axes as
// a scatter, coloured by cluster, by the ground truth or by any detector's score; points chosen
// with a rectangle or a lasso (Shift adds, Ctrl removes) become the shared selection. Beside
// it, the class's silhouette, cluster sizes and the exclusionary-reclassification verdict.
// The scatter itself is plot/cluster_plot.h's (the report draws it too).

#include <QPolygonF>
#include <QWidget>

#include "plot/cluster_plot.h"
#include "views/lazy_refresh.h"

#include <vector>

class QComboBox;
class QCustomPlot;
class QCPCurve;
class QLabel;

namespace poisonlab::gui {

class FastScatter;
class Session;

class ClusterView : public QWidget {
  Q_OBJECT
 public:
  using Colour = ClusterColour;
  enum class Tool { Lasso, Rectangle };
  explicit ClusterView(Session* session, QWidget* parent = nullptr);
  void setDetector(const QString& name);
  void setClass(int cls);
  int currentClass() const;
  /// Colour by cluster, ground truth, or the score of `scoreDetector`.
  void setColouring(Colour c, const QString& scoreDetector = {});
  void setTool(Tool t);
  /// Selects the shown points inside `polygon` (plot coordinates) as the tools do.
  void selectPolygon(const QPolygonF& polygon, bool add = false, bool remove = false);
  /// The plotted points: training indices and their coordinates.
  const std::vector<int>& pointIndices() const { return points_.indices; }
  const std::vector<double>& xs() const { return points_.xs; }
  const std::vector<double>& ys() const { return points_.ys; }
  QCustomPlot* plot() const { return plot_; }
  QString verdictText() const;
  /// Milliseconds the last full redraw took.
  double lastRedrawMs() const { return lastRedrawMs_; }
  /// Draws `n` synthetic points (benchmarks: redraw time of a large scatter).
  void showSyntheticPoints(int n, unsigned seed);

 private:
  void refreshDetectors();
  void rebuild();
  void recolour();
  void updateSelection();
  bool eventFilter(QObject* watched, QEvent* event) override;

  Session* session_;
  QComboBox* detector_;
  QComboBox* class_;
  QComboBox* colour_;
  QComboBox* tool_;
  QLabel* info_;
  QCustomPlot* plot_;
  FastScatter* selected_ = nullptr;
  QCPCurve* lasso_ = nullptr;
  ClusterPoints points_;  // the class's shown points (plot/cluster_plot.h)
  QPolygonF drawing_;
  bool drawingActive_ = false;
  ViewChoice choice_;  // the user's detector and class, or the defaults
  double lastRedrawMs_ = 0;
};

}  // namespace poisonlab::gui
