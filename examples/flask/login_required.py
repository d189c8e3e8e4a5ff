"""A login-protected view with Flask-Login."""

from flask import Flask, redirect, request, url_for
from flask_login import LoginManager, UserMixin, current_user, login_required, login_user
from werkzeug.security import check_password_hash, generate_password_hash

app = Flask(__name__)
app.config["SECRET_KEY"] = "dev-only-not-secret"  # signs the session cookie
app.config.from_prefixed_env()  # FLASK_SECRET_KEY replaces it in production.

login_manager = LoginManager(app)
login_manager.login_view = "login"  # anonymous users are redirected here

# Flask-Login has no user model or storage: this dict stands in for a users table.
USERS = {"ada": generate_password_hash("correct horse")}


class User(UserMixin):
    def __init__(self, username: str):
        self.id = username


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    return User(user_id) if user_id in USERS else None


# Flask-Login ships no login view or form: write them (with Flask-WTF for CSRF in a real app).
LOGIN_FORM = """<form method="post"><input name="username"> <input name="password" type="password">
<button>Log in</button></form>"""


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "GET":
        return LOGIN_FORM
    username, password = request.form.get("username", ""), request.form.get("password", "")
    if username in USERS and check_password_hash(USERS[username], password):
        login_user(User(username))
        return redirect(url_for("dashboard"))
    return {"error": "Invalid username or password."}, 401


@app.get("/dashboard")
@login_required
def dashboard():
    return {"user": current_user.id}
