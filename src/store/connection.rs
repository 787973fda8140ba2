//! The shared connection to the library database: opened once, upgraded
//! through [`schema`](super::schema), reopened once if the browser drops
//! it, and never left blocking another tab's upgrade.

use super::error::connection_lost;
use super::{schema, StoreError};
use futures::future::{FutureExt, LocalBoxFuture, Shared};
use indexed_db_futures::database::Database;
use indexed_db_futures::error::Error as IdbError;
use indexed_db_futures::internals::SystemRepr;
use std::cell::{Cell, RefCell};
use std::future::IntoFuture;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// How long an open may wait for another tab to let go before the app
/// carries on without its library.
const BLOCKED_AFTER_MS: i32 = 4000;

/// A handle on the library database, reopened once if its connection is lost.
pub struct Library {
    name: String,
    version: u32,
    db: RefCell<Option<Rc<Database>>>,
}

impl Library {
    /// Opens (creating or upgrading) the database `name` at `version`.
    /// Tests use other names and versions; the app uses [`shared`].
    pub async fn open_named(name: &str, version: u32) -> Result<Self, StoreError> {
        let lib = Self {
            name: name.to_owned(),
            version,
            db: RefCell::new(None),
        };
        lib.connect().await?;
        Ok(lib)
    }

    async fn connect(&self) -> Result<Rc<Database>, StoreError> {
        if web_sys::window()
            .and_then(|w| w.indexed_db().ok().flatten())
            .is_none()
        {
            return Err(StoreError::Unavailable("indexedDB is not available".into()));
        }
        let blocked = Rc::new(Cell::new(false));
        let flag = blocked.clone();
        let target = self.version;
        let open = Database::open(self.name.as_str())
            .with_version(self.version)
            .with_on_blocked(move |_| {
                flag.set(true);
                Ok(())
            })
            .with_on_upgrade_needed_fut(move |event, db| async move {
                let old = event.old_version() as u32;
                schema::upgrade(old, target, db).await
            })
            .into_future();
        // Boxed so that, given up on, it can be handed to a task.
        let mut open = Box::pin(open).fuse();
        let mut timer = Box::pin(crate::net::sleep(BLOCKED_AFTER_MS)).fuse();
        let db = futures::select! {
            db = open => db?,
            _ = timer => {
                if blocked.get() {
                    // The browser goes on with the open: when the other tab
                    // lets go, it succeeds. That connection is not the
                    // app's any more: close it at once, or it would block
                    // the next upgrade.
                    // (wasm_bindgen_futures, not Leptos' executor: the store
                    // runs without one in tests and workers.)
                    wasm_bindgen_futures::spawn_local(async move {
                        if let Ok(late) = open.await {
                            late.as_sys().close();
                        }
                    });
                    return Err(StoreError::Blocked);
                }
                open.await?
            }
        };
        // Let a newer version in another tab upgrade: close this connection
        // when asked; the next operation reopens or reports `Outdated`.
        let sys = db.as_sys().clone();
        let on_change = Closure::<dyn FnMut()>::new(move || sys.close());
        db.as_sys()
            .set_onversionchange(Some(on_change.as_ref().unchecked_ref()));
        on_change.forget();
        let db = Rc::new(db);
        *self.db.borrow_mut() = Some(db.clone());
        Ok(db)
    }

    async fn db(&self) -> Result<Rc<Database>, StoreError> {
        let current = self.db.borrow().clone();
        match current {
            Some(db) => Ok(db),
            None => self.connect().await,
        }
    }

    /// Runs `op`, and if the connection was lost, reopens and runs it once more.
    pub(super) async fn with_db<T, F, Fut>(&self, op: F) -> Result<T, StoreError>
    where
        F: Fn(Rc<Database>) -> Fut,
        Fut: std::future::Future<Output = Result<T, IdbError>>,
    {
        let db = self.db().await?;
        match op(db).await {
            Err(e) if connection_lost(&e) => {
                log::warn!("IndexedDB connection lost ({e}); reopening once");
                *self.db.borrow_mut() = None;
                let db = self.connect().await?;
                op(db).await.map_err(StoreError::from)
            }
            other => other.map_err(StoreError::from),
        }
    }

    /// Closes the connection (tests, and before deleting the database).
    pub fn close(&self) {
        if let Some(db) = self.db.borrow_mut().take() {
            db.as_sys().close();
        }
    }
}

type SharedOpen = Shared<LocalBoxFuture<'static, Result<Rc<Library>, StoreError>>>;

thread_local! {
    static SHARED: RefCell<Option<SharedOpen>> = const { RefCell::new(None) };
}

/// The app's library, opened once and shared. An open that failed is tried
/// again on the next call (storage may have been freed or unblocked).
pub async fn shared() -> Result<Rc<Library>, StoreError> {
    let fut = SHARED.with_borrow_mut(|slot| {
        slot.get_or_insert_with(|| {
            async {
                Library::open_named(schema::DB_NAME, schema::VERSION)
                    .await
                    .map(Rc::new)
            }
            .boxed_local()
            .shared()
        })
        .clone()
    });
    let result = fut.await;
    if result.is_err() {
        SHARED.with_borrow_mut(|slot| *slot = None);
    }
    result
}
