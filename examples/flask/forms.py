"""Input validation with a Flask-WTF form (CSRF protection included)."""

from flask import Flask, redirect, render_template_string, url_for
from flask_wtf import CSRFProtect, FlaskForm
from wtforms import IntegerField, StringField
from wtforms.validators import DataRequired, Length, NumberRange

app = Flask(__name__)
app.config["SECRET_KEY"] = "dev-only-not-secret"  # Flask-WTF signs CSRF tokens with it.
app.config.from_prefixed_env()  # FLASK_SECRET_KEY replaces it in production.
# FlaskForm checks its own token; CSRFProtect rejects any POST without one (400).
CSRFProtect(app)


class SignupForm(FlaskForm):
    username = StringField("Username", validators=[DataRequired(), Length(min=3, max=30)])
    age = IntegerField("Age", validators=[DataRequired(), NumberRange(min=13)])


# Inline to keep the example in one file; a real app uses templates/signup.html.
PAGE = """<form method="post">{{ form.csrf_token }}
{% for field in [form.username, form.age] %}{{ field.label }} {{ field() }}
{% for error in field.errors %}<p class="error">{{ error }}</p>{% endfor %}{% endfor %}
<button>Sign up</button></form>"""


@app.route("/signup", methods=["GET", "POST"])
def signup():
    form = SignupForm()
    if form.validate_on_submit():  # POST with a valid CSRF token and valid fields
        return redirect(url_for("welcome", username=form.username.data))
    return render_template_string(PAGE, form=form)


@app.get("/welcome/<username>")
def welcome(username: str):
    # Templates autoescape; an f-string returned as HTML would not.
    return render_template_string("<p>Welcome, {{ username }}!</p>", username=username)
