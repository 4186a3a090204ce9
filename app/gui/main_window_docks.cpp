#include <QDockWidget>
#include <QGuiApplication>
#include <QScrollArea>
#include <QScreen>
#include <QSettings>
#include <QStyle>
#include <QTimer>

#include <algorithm>

#include "panels/detector_panel.h"
#include "panels/experiment_panel.h"
#include "panels/jobs_panel.h"
#include "main_window.h"
#include "views/sample_inspector.h"
#include "state/task_manager.h"
#include "views/training_view.h"

// The main window's docks and their layout: built, restored, laid out on the first start,
// saved on close.

namespace poisonlab::gui {

namespace {
/// Narrower than this, the Inspector's images and text are not worth a column of their own
/// (it gets more where its widgets need more).
constexpr int kInspectorMinimumWidth = 300;
}  // namespace

void MainWindow::buildDocks() {
  // One dock: `content` in it, in a scroll area when `scrolled` (the horizontal bar off when
  // it must fit the dock's width), added to `area`.
  auto dock = [this](const QString& title, const char* name, QWidget* content,
                     Qt::DockWidgetArea area, bool scrolled, bool fitWidth = false) {
    auto* d = new QDockWidget(title, this);
    d->setObjectName(QLatin1String(name));
    if (scrolled) {
      auto* scroll = new QScrollArea(d);
      scroll->setWidget(content);
      scroll->setWidgetResizable(true);
      scroll->setFrameShape(QFrame::NoFrame);
      if (fitWidth) scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
      d->setWidget(scroll);
    } else {
      d->setWidget(content);
    }
    addDockWidget(area, d);
    return d;
  };
  experiment_ = new ExperimentPanel(this);
  auto* experimentDock =
      dock(tr("Experiment"), "experimentDock", experiment_, Qt::LeftDockWidgetArea, false);
  detectors_ = new DetectorPanel(session_, this);
  auto* detectorDock =
      dock(tr("Detectors"), "detectorDock", detectors_, Qt::LeftDockWidgetArea, true);
  tabifyDockWidget(experimentDock, detectorDock);
  experimentDock->raise();

  training_ = new TrainingView(this);
  dock(tr("Training"), "trainingDock", training_, Qt::BottomDockWidgetArea, false);
  inspector_ = new SampleInspector(this);
  dock(tr("Inspector"), "inspectorDock", inspector_, Qt::RightDockWidgetArea, true, true);
  // Scrolling, so a long list of finished jobs never squeezes the other docks.
  dock(tr("Jobs"), "jobsDock", new JobsPanel(tasks_, this), Qt::RightDockWidgetArea, true, true);
}

void MainWindow::showEvent(QShowEvent* event) {
  QMainWindow::showEvent(event);
  if (!defaultDockSizes_) return;
  defaultDockSizes_ = false;
  // First start (no saved layout): sizes that suit the window it got, once it is laid out.
  QTimer::singleShot(0, this, [this] {
    auto* experimentDock = findChild<QDockWidget*>(QStringLiteral("experimentDock"));
    auto* inspectorDock = findChild<QDockWidget*>(QStringLiteral("inspectorDock"));
    auto* jobsDock = findChild<QDockWidget*>(QStringLiteral("jobsDock"));
    auto* trainingDock = findChild<QDockWidget*>(QStringLiteral("trainingDock"));
    resizeDocks({trainingDock}, {std::max(300, height() * 1 / 3)}, Qt::Vertical);
    // What the right column can get beside the left one and the views at their narrowest.
    const int room = width() - experimentDock->minimumSizeHint().width() -
                     centralWidget()->minimumSizeHint().width();
    // What the Inspector needs there: its own minimum, its scroll bar and the dock's frame.
    const auto* scroll = static_cast<QScrollArea*>(inspectorDock->widget());
    const int needed =
        std::max(kInspectorMinimumWidth, inspector_->minimumSizeHint().width() +
                                             style()->pixelMetric(QStyle::PM_ScrollBarExtent) +
                                             inspectorDock->width() - scroll->viewport()->width());
    if (room < needed) {
      // A narrow screen (a 1366 px laptop): the right column would be a sliver, so the Inspector
      // and the Jobs join the Experiment and Detectors tabs on the left, at its full width.
      tabifyDockWidget(experimentDock, inspectorDock);
      tabifyDockWidget(experimentDock, jobsDock);
      experimentDock->raise();
      return;
    }
    resizeDocks({experimentDock, inspectorDock}, {330, std::max(430, needed)}, Qt::Horizontal);
    resizeDocks({inspectorDock, jobsDock}, {height() * 1 / 2, 140}, Qt::Vertical);
  });
}

void MainWindow::restoreLayout() {
  QSettings settings;
  // The docks' arrangement first: it sets the window's minimum size (a narrow layout has no
  // right column), which the saved geometry must not be clamped to.
  defaultDockSizes_ = !restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
  restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
  if (!settings.contains(QStringLiteral("window/geometry"))) {
    // First start: 1600 x 1000, or what the screen has room for (a 1366 x 768 laptop), never
    // less than the window needs.
    QSize size(1600, 1000);
    if (const QScreen* s = screen() ? screen() : QGuiApplication::primaryScreen())
      size = size.boundedTo(s->availableGeometry().size() - QSize(16, 40));  // the frame
    resize(size.expandedTo(minimumSizeHint()));
  }
}

void MainWindow::saveLayout() {
  QSettings settings;
  settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
  settings.setValue(QStringLiteral("window/state"), saveState());
}

}  // namespace poisonlab::gui
