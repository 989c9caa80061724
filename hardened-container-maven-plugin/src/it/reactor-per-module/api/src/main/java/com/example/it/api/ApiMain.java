package com.example.it.api;

public final class ApiMain {
    public static void main(String[] args) {
        System.out.println("ApiMain");
    }
}
