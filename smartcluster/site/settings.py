"""Django settings, read once from the environment through `smartcluster.config` (see README, "Configuration")."""

from __future__ import annotations

import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from smartcluster.config import data_dir, env_bool, env_float, env_int, env_list, env_text

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = data_dir()

# Production behaviour is the default; SMARTCLUSTER_DEBUG=1 for development only.
DEBUG = env_bool("SMARTCLUSTER_DEBUG", False)


def _secret_key() -> str:
    """From the environment, else a random key kept in the data directory (created on first use)."""
    key = env_text("SMARTCLUSTER_SECRET_KEY")
    if key:
        return key
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("SMARTCLUSTER_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("SMARTCLUSTER_CSRF_TRUSTED_ORIGINS", "")
CSRF_FAILURE_VIEW = "smartcluster.site.views.csrf_failure"  # the 403 page in the site's layout, saying why
# Where error pages send people who need an administrator (empty: they are told to ask their project's one).
CONTACT_EMAIL = env_text("SMARTCLUSTER_CONTACT_EMAIL")

# HTTPS hardening: on whenever the platform runs behind TLS (SMARTCLUSTER_HTTPS=1, the production default).
HTTPS = env_bool("SMARTCLUSTER_HTTPS", not DEBUG)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS and env_bool("SMARTCLUSTER_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("SMARTCLUSTER_HSTS_SECONDS", 31536000, minimum=0) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "ninja",
    "axes",  # login lock-out after repeated failures (see AXES_* below)
    "smartcluster.site",
    "smartcluster.regions",
    "smartcluster.industries",
    "smartcluster.organisations",
    "smartcluster.accounts",
    # self sign-up (django-allauth), after smartcluster.accounts so its templates/account/ override allauth's
    "allauth",
    "allauth.account",
    "smartcluster.notifications",
    "smartcluster.maturity",
    "smartcluster.matchmaking",
    "smartcluster.clusters",
    "smartcluster.events",
    "smartcluster.stakeholders",
    "smartcluster.learning",
    "smartcluster.challenges",
    "smartcluster.monitoring",
    "smartcluster.atlas",
    "smartcluster.jobs",
    "smartcluster.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # last, as django-axes requires: turns a locked-out login into the login page with its message
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "smartcluster.site.urls"
WSGI_APPLICATION = "smartcluster.site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "smartcluster.site.navigation.navigation",
            ],
        },
    },
]

# SQLite under the data directory by default (WAL so readers never block the writer); PostgreSQL via DATABASE_URL.
_SQLITE_URL = f"sqlite:///{DATA_DIR / 'smartcluster.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(env_text("DATABASE_URL") or _SQLITE_URL, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # Tests use a file too (not Django's shared-cache in-memory default, which fails at once on a lock instead of
    # waiting), so live-server threads and background jobs behave as in production.
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / "test-smartcluster.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# django-axes' backend must stay FIRST: it refuses a locked-out user or address before any other backend runs.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",  # logs in by e-mail address too
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"
# Self sign-up with django-allauth (smartcluster/accounts/adapter.py): name, e-mail and password, confirmed by a
# link sent by e-mail before the first login; the login page stays Django's (it also accepts the e-mail address).
ACCOUNT_ADAPTER = "smartcluster.accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}  # user names of administrator-made accounts still work (ModelBackend)
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "smartcluster.accounts.forms.SignupDetailsForm"
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
# Confirming in the browser that signed up logs in and returns to its `next` (other browsers go through the login).
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[smartcluster] "

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("lt", _("Lithuanian")),
    ("el", _("Greek")),
    ("es", _("Spanish")),
    ("de", _("German")),
    ("hu", _("Hungarian")),
    ("hr", _("Croatian")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env_text("SMARTCLUSTER_TIME_ZONE", "Europe/Brussels")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
MEDIA_URL = "media/"
MEDIA_ROOT = DATA_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Hashed, compressed names for production (after collectstatic); plain names in debug and tests.
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG and env_bool("SMARTCLUSTER_STATIC_MANIFEST", True)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG or not env_bool("SMARTCLUSTER_STATIC_MANIFEST", True)
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "smartcluster.site.vendor.VendorFinder",
]

EMAIL_BACKEND = env_text("SMARTCLUSTER_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_text("SMARTCLUSTER_FROM_EMAIL", "smartcluster@localhost")

# Official sources of the reference data; point them at a mirror to work offline.
NUTS_BASE_URL = env_text("SMARTCLUSTER_NUTS_BASE_URL", "https://gisco-services.ec.europa.eu/distribution/v2/nuts/")
NACE_BASE_URL = env_text(
    "SMARTCLUSTER_NACE_BASE_URL",
    "https://raw.githubusercontent.com/eurostat/correspondenceTables/master/inst/extdata/test/",
)
# --- regions app (NUTS reference data): Eurostat's "History of NUTS" workbooks for the 2010/2013 codes and names;
# timeout in seconds for every reference download.
NUTS_HISTORY_BASE_URL = env_text(
    "SMARTCLUSTER_NUTS_HISTORY_BASE_URL", "https://ec.europa.eu/eurostat/documents/345175/629341/"
)
REFERENCE_FETCH_TIMEOUT = env_float("SMARTCLUSTER_REFERENCE_FETCH_TIMEOUT", 60, minimum=0)
# --- end regions app
# --- matchmaking app: video-meeting server for the rooms of online meetings (e.g. a self-hosted Jitsi);
# empty: no generated links, participants paste their own.
MATCHMAKING_VIDEO_BASE_URL = env_text("SMARTCLUSTER_VIDEO_BASE_URL", "https://meet.jit.si/")
MATCHMAKING_SCHEDULER_TIME_LIMIT = env_float("SMARTCLUSTER_SCHEDULER_TIME_LIMIT", 60, minimum=0)
# --- end matchmaking app
# --- jobs app: where jobs run, how long a worker holds one without renewing it, how often a lost one is retried.
SMARTCLUSTER_JOBS_RUNNER = env_text("SMARTCLUSTER_JOBS_RUNNER", "thread")
SMARTCLUSTER_JOBS_LEASE_SECONDS = env_float("SMARTCLUSTER_JOBS_LEASE_SECONDS", 60, minimum=0)
SMARTCLUSTER_JOBS_MAX_ATTEMPTS = env_int("SMARTCLUSTER_JOBS_MAX_ATTEMPTS", 3, minimum=1)
# --- end jobs app

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_text("SMARTCLUSTER_LOG_LEVEL", "WARNING")},
}

# Maturity self-assessment (smartcluster/maturity/README.md): the disputed scoring rules of the EDIH DMA,
# the smallest group whose aggregates are shown, and the time between two assessment stages.
MATURITY_ROW_TICKS_RULE = env_text("SMARTCLUSTER_MATURITY_ROW_TICKS_RULE", "best_column")
MATURITY_NEGATIVE_OPTION_RULE = env_text("SMARTCLUSTER_MATURITY_NEGATIVE_OPTION_RULE", "zero")
MATURITY_MIN_GROUP_SIZE = env_int("SMARTCLUSTER_MATURITY_MIN_GROUP_SIZE", 5, minimum=1)
MATURITY_REPEAT_MIN_DAYS = env_int("SMARTCLUSTER_MATURITY_REPEAT_MIN_DAYS", 182, minimum=0)

# Login throttling (README, "Security"): after LOGIN_FAILURE_LIMIT wrong passwords for one user name, or from one
# address, that user name or address is refused for LOGIN_COOLOFF; an address that sends API_TOKEN_FAILURE_LIMIT
# wrong API tokens is answered 429 for the same time (counted in a file cache shared by every worker process).
LOGIN_FAILURE_LIMIT = env_int("SMARTCLUSTER_LOGIN_FAILURE_LIMIT", 5, minimum=1)
LOGIN_COOLOFF = timedelta(minutes=env_float("SMARTCLUSTER_LOGIN_COOLOFF_MINUTES", 15, minimum=0))
API_TOKEN_FAILURE_LIMIT = env_int("SMARTCLUSTER_API_TOKEN_FAILURE_LIMIT", 20, minimum=1)
AXES_FAILURE_LIMIT = LOGIN_FAILURE_LIMIT
AXES_COOLOFF_TIME = LOGIN_COOLOFF
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]  # each on its own: per user name, and per address
# One counter per account however it is named on the login form (user name or e-mail address, any case).
AXES_USERNAME_CALLABLE = "smartcluster.accounts.selectors.login_name"
AXES_LOCKOUT_CALLABLE = "smartcluster.accounts.views.login_locked_out"
AXES_RESET_ON_SUCCESS = False  # a success from an address must not wipe the failures it sent for other users
# Behind a reverse proxy every request comes from the proxy: name how many trusted proxies add X-Forwarded-For.
PROXY_COUNT = env_int("SMARTCLUSTER_PROXY_COUNT", 0, minimum=0)
AXES_CLIENT_IP_CALLABLE = "smartcluster.accounts.auth.client_address"
API_TOKEN_FAILURE_CACHE = "throttle"
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    API_TOKEN_FAILURE_CACHE: {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                              "LOCATION": str(DATA_DIR / "throttle-cache")},
}
# The API's one pagination: numbered pages, a page past the end answers 404 (smartcluster/site/pagination.py).
NINJA_PAGINATION_CLASS = "smartcluster.site.pagination.CheckedPageNumberPagination"
