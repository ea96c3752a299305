from django.urls import path

from catalog import views

app_name = "catalog"
urlpatterns = [
    path("models/", views.model_list, name="model_list"),
    path("models/<slug:slug>/", views.model_detail, name="model_detail"),
    path("providers/", views.provider_list, name="provider_list"),
    path("providers/<slug:slug>/", views.provider_detail, name="provider_detail"),
]
