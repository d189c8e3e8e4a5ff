from django.contrib.auth.decorators import login_required
from django.http import JsonResponse


# Anonymous users are redirected to settings.LOGIN_URL ("/accounts/login/" by default)
# with ?next=<this path>; Django's LoginView sends them back after login.
@login_required
def dashboard(request):
    return JsonResponse({"user": request.user.get_username()})
